import { buildHierarchy } from '../src/core/layout/hierarchy';

describe('buildHierarchy', () => {
  it('hangs a 其中 row and the indented rows after it under the row above', () => {
    const parents = buildHierarchy([
      { indent: 0, qizhong: false }, // 0 双随机 209
      { indent: 0, qizhong: true }, // 1 其中：公共场所卫生
      { indent: 6, qizhong: false }, // 2 　　　生活饮用水卫生
      { indent: 6, qizhong: false }, // 3 　　　学校卫生
      { indent: 0, qizhong: false }, // 4 next indicator
    ]);
    expect(parents).toEqual([undefined, 0, 0, 0, undefined]);
  });

  it('uses outline codes: 3.1 belongs to 3, 3.1.1 to 3.1', () => {
    const parents = buildHierarchy([
      { indent: 0, qizhong: false, code: '3' },
      { indent: 0, qizhong: true, code: '3.1' },
      { indent: 0, qizhong: false, code: '3.1.1' },
      { indent: 0, qizhong: false, code: '3.2' },
      { indent: 0, qizhong: false, code: '4' },
    ]);
    expect(parents).toEqual([undefined, 0, 1, 0, undefined]);
  });

  it('nests by indentation alone (Excel indent levels)', () => {
    const parents = buildHierarchy([
      { indent: 0, qizhong: false },
      { indent: 2, qizhong: false },
      { indent: 4, qizhong: false },
      { indent: 2, qizhong: false },
      { indent: 0, qizhong: false },
    ]);
    expect(parents).toEqual([undefined, 0, 1, 0, undefined]);
  });

  it('treats a 其中 row without a following indented row as a single child', () => {
    expect(buildHierarchy([{ indent: 0, qizhong: false }, { indent: 0, qizhong: true }, { indent: 0, qizhong: false }])).toEqual([undefined, 0, undefined]);
  });
});
