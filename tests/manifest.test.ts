/**
 * The add-in manifest validates offline (XSD + own checks), and typical mistakes are caught with
 * a message that names the problem. Broken copies are written to a temporary folder (with their
 * own assets/ next to them, as in the repository) and removed afterwards.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

interface Problem {
  line?: number;
  message: string;
  source?: string;
}
interface ValidationResult {
  ok: boolean;
  problems: Problem[];
  warnings: Problem[];
  checks: number;
}

// The validator is a plain Node script (scripts/validate-manifest.js, run by `npm run validate`).
const { validateManifest } = require("../scripts/validate-manifest.js") as {
  validateManifest: (manifestPath: string, options?: { assetsDir?: string; srcDir?: string }) => Promise<ValidationResult>;
};

const ROOT = path.join(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const ASSETS = path.join(ROOT, "assets");
const VALIDATOR = path.join(ROOT, "scripts", "validate-manifest.js");
const original = fs.readFileSync(MANIFEST, "utf8");

let tmpRoot: string;
beforeAll(() => {
  tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), "indicator-checker-manifest-"));
});
afterAll(() => {
  fs.rmSync(tmpRoot, { recursive: true, force: true });
});

/** Writes manifest text plus a copy of assets/ (minus `omitAssets`) into a fresh temp folder. */
function writeCopy(name: string, text: string, omitAssets: string[] = []): string {
  const dir = path.join(tmpRoot, name);
  fs.mkdirSync(path.join(dir, "assets"), { recursive: true });
  for (const f of fs.readdirSync(ASSETS, { withFileTypes: true })) {
    // Only the files: assets/readme/ holds the README's pictures, not add-in assets.
    if (f.isFile() && !omitAssets.includes(f.name)) fs.copyFileSync(path.join(ASSETS, f.name), path.join(dir, "assets", f.name));
  }
  const file = path.join(dir, "manifest.xml");
  fs.writeFileSync(file, text, "utf8");
  return file;
}

/** Replaces exactly one occurrence, so a test cannot pass because its edit silently missed. */
function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const count = typeof from === "string" ? text.split(from).length - 1 : (text.match(new RegExp(from, "g")) || []).length;
  expect(count).toBe(1);
  return text.replace(from, to);
}

function messages(r: ValidationResult): string {
  return r.problems.map((p) => `${p.line ?? "?"}: ${p.message}`).join("\n");
}

describe("manifest.xml", () => {
  it("validates against the XSDs and the own checks", async () => {
    const r = await validateManifest(MANIFEST);
    expect(messages(r)).toBe("");
    expect(r.ok).toBe(true);
    expect(r.checks).toBeGreaterThan(50);
    expect(r.warnings).toEqual([]);
  });

  it("has the settled identity: zh-CN default, en-US overrides, ExcelApi 1.7, ReadWriteDocument", () => {
    expect(original).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
    expect(original).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
    expect(original).toContain('<DisplayName DefaultValue="指标校验">');
    expect(original).toContain('<Override Locale="en-US" Value="Indicator Checker"/>');
    expect(original).toContain('<Set Name="ExcelApi" MinVersion="1.7"/>');
    expect(original).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(original).toContain("<TaskpaneId>IndicatorCheckerPane</TaskpaneId>");
  });

  it("reports a misspelled element (XSD)", async () => {
    const file = writeCopy("misspelled", replaceOnce(original, '<Label resid="Group.Label"/>', '<Lable resid="Group.Label"/>'));
    const r = await validateManifest(file);
    expect(r.ok).toBe(false);
    const p = r.problems.find((x) => x.message.includes("Lable"));
    expect(p).toBeDefined();
    expect(p!.source).toBe("xsd");
    expect(p!.line).toBe(original.split("\n").findIndex((l) => l.includes('<Label resid="Group.Label"/>')) + 1);
  });

  it("reports a resid that no resource defines", async () => {
    const file = writeCopy("missing-resid", replaceOnce(original, /\s*<bt:Url id="Commands\.Url"[^>]*\/>/, ""));
    const r = await validateManifest(file);
    expect(r.ok).toBe(false);
    expect(messages(r)).toMatch(/resid "Commands\.Url" used by <FunctionFile> is not defined in <Resources>/);
  });

  it("reports an http:// URL", async () => {
    const file = writeCopy(
      "http-url",
      replaceOnce(original, 'DefaultValue="https://localhost:3000/taskpane.html"/>\n      </bt:Urls>', 'DefaultValue="http://localhost:3000/taskpane.html"/>\n      </bt:Urls>'),
    );
    const r = await validateManifest(file);
    expect(r.ok).toBe(false);
    expect(messages(r)).toMatch(/"http:\/\/localhost:3000\/taskpane\.html" is not an https URL/);
  });

  it("reports an icon file missing from assets/", async () => {
    const file = writeCopy("missing-icon", original, ["icon-80.png"]);
    const r = await validateManifest(file);
    expect(r.ok).toBe(false);
    expect(messages(r)).toMatch(/https:\/\/localhost:3000\/assets\/icon-80\.png: file assets\/icon-80\.png does not exist/);
    // only the missing file is a problem
    expect(r.problems.every((p) => p.message.includes("icon-80.png"))).toBe(true);
  });

  it("reports a page URL that the build does not produce (every page must be an HTML file in src/)", async () => {
    const ok = await validateManifest(MANIFEST, { srcDir: path.join(ROOT, "src") });
    expect(ok.ok).toBe(true);
    const file = writeCopy("missing-page", original.split("https://localhost:3000/help.html").join("https://localhost:3000/hilfe.html"));
    const r = await validateManifest(file, { srcDir: path.join(ROOT, "src") });
    expect(r.ok).toBe(false);
    expect(r.problems.length).toBe(2); // SupportUrl and the LearnMoreUrl resource
    expect(r.problems.every((p) => /hilfe\.html: no page hilfe\.html in src\//.test(p.message))).toBe(true);
  });

  it("reports a string without an en-US override", async () => {
    const file = writeCopy(
      "no-en-us",
      replaceOnce(original, /\n\s*<bt:Override Locale="en-US" Value="Check indicators"\/>/, ""),
    );
    const r = await validateManifest(file);
    expect(r.ok).toBe(false);
    expect(messages(r)).toMatch(/bt:ShortStrings "TaskpaneButton\.Label" has no <bt:Override Locale="en-US">/);
  });

  it("runs as a command: exit 0 with a summary line, exit 1 with file:line problems", () => {
    const good = spawnSync(process.execPath, [VALIDATOR, MANIFEST], { encoding: "utf8" });
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/manifest\.xml validates \(XSD \+ \d+ own checks\)\n$/);

    const broken = writeCopy("cli", replaceOnce(original, "<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteEverything</Permissions>"));
    const bad = spawnSync(process.execPath, [VALIDATOR, broken], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/manifest\.xml:\d+: XSD: .*ReadWriteEverything/);
  });
});
