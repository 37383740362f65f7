#!/usr/bin/env node
/*
 * Offline validation of the add-in manifest (replaces `office-addin-manifest validate`, which
 * posts the manifest to a Microsoft web service and does not work offline).
 *
 *   node scripts/validate-manifest.js [manifest.xml] [--assets DIR]
 *   npm run validate
 *
 * 1. XSD: the manifest is validated with libxml2 (npm package xmllint-wasm, WebAssembly, no
 *    network) against the vendored schemas in scripts/manifest-schemas/. OfficeAppManifestV1_1.xsd
 *    imports the other schemas by relative file name; all of them are handed to xmllint-wasm
 *    under those names, so the imports resolve inside its in-memory file system.
 * 2. Own checks for what the XSD cannot see: resids defined (and of the right kind) and used,
 *    https everywhere, local icon files present with the right pixel size, GUID Id, zh-CN default
 *    locale with en-US overrides, unique resource and control ids.
 *
 * Prints one line per problem ("file:line: message") and exits 1 if there is any; otherwise
 * prints "<file> validates (XSD + N own checks)" and exits 0. Warnings never change the exit
 * code. Nothing here touches the network or any office-addin-* package (so no usage data).
 *
 * API (used by tests/manifest.test.ts):
 *   const { validateManifest } = require("./scripts/validate-manifest.js");
 *   const r = await validateManifest("manifest.xml", { assetsDir });   // assetsDir optional
 *   // r = { ok, problems: [{ line?, message, source }], warnings: [...], checks: N }
 */
"use strict";

const fs = require("fs");
const path = require("path");

const SCHEMA_DIR = path.join(__dirname, "manifest-schemas");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";
const DEV_ORIGIN = "https://localhost:3000/";
const ASSETS_PREFIX = DEV_ORIGIN + "assets/";

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  xml: "http://www.w3.org/XML/1998/namespace",
};

const GUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const REQUIRED_DEFAULT_LOCALE = "zh-CN";
const REQUIRED_OVERRIDE_LOCALE = "en-US";

// ================================================================= a small XML reader
// Enough XML for a manifest: elements, attributes, namespaces, text, comments, PIs, CDATA.
// It keeps line numbers, which is why it is here rather than a regex or the XSD output.

class XmlError extends Error {
  constructor(message, line) {
    super(message);
    this.line = line;
  }
}

function lineIndex(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (pos) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

function decodeEntities(s, line) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|&/g, (m, ref) => {
    if (ref === undefined) throw new XmlError("bare '&' (write &amp;)", line);
    if (ref[0] === "#") {
      const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return String.fromCodePoint(code);
    }
    const named = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[ref];
    if (named === undefined) throw new XmlError(`unknown entity &${ref};`, line);
    return named;
  });
}

/**
 * Parses XML text into a tree of { name, prefix, local, ns, attrs: Map(qname → {value, line}),
 * children, text, line, parent }. Throws XmlError with a line number when not well-formed.
 */
function parseXml(text) {
  const lineOf = lineIndex(text);
  const root = { name: "#document", children: [], attrs: new Map(), text: "", line: 1, nsMap: { xml: NS.xml } };
  /** @type {any} */
  let cur = root;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const NAME = /[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?/y;

  while (pos < text.length) {
    const lt = text.indexOf("<", pos);
    if (lt < 0) {
      cur.text += decodeEntities(text.slice(pos), lineOf(pos));
      break;
    }
    if (lt > pos) cur.text += decodeEntities(text.slice(pos, lt), lineOf(pos));
    const line = lineOf(lt);
    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("-->", lt + 4);
      if (end < 0) throw new XmlError("unterminated comment", line);
      pos = end + 3;
    } else if (text.startsWith("<?", lt)) {
      const end = text.indexOf("?>", lt + 2);
      if (end < 0) throw new XmlError("unterminated processing instruction", line);
      pos = end + 2;
    } else if (text.startsWith("<![CDATA[", lt)) {
      const end = text.indexOf("]]>", lt + 9);
      if (end < 0) throw new XmlError("unterminated CDATA section", line);
      cur.text += text.slice(lt + 9, end);
      pos = end + 3;
    } else if (text.startsWith("<!", lt)) {
      throw new XmlError("DOCTYPE/declarations are not expected in a manifest", line);
    } else if (text[lt + 1] === "/") {
      NAME.lastIndex = lt + 2;
      const m = NAME.exec(text);
      if (!m) throw new XmlError("malformed end tag", line);
      const gt = text.indexOf(">", NAME.lastIndex);
      if (gt < 0 || text.slice(NAME.lastIndex, gt).trim() !== "") throw new XmlError("malformed end tag", line);
      if (cur === root || cur.name !== m[0]) {
        throw new XmlError(`end tag </${m[0]}> does not match <${cur === root ? "(none)" : cur.name}>`, line);
      }
      cur = cur.parent;
      pos = gt + 1;
    } else {
      NAME.lastIndex = lt + 1;
      const m = NAME.exec(text);
      if (!m) throw new XmlError("malformed start tag", line);
      const el = { name: m[0], attrs: new Map(), children: [], text: "", line, parent: cur, nsMap: {} };
      let p = NAME.lastIndex;
      let selfClosing = false;
      for (;;) {
        const ws = /\s*/y;
        ws.lastIndex = p;
        ws.exec(text);
        const hadSpace = ws.lastIndex > p;
        p = ws.lastIndex;
        if (text.startsWith("/>", p)) {
          selfClosing = true;
          p += 2;
          break;
        }
        if (text[p] === ">") {
          p += 1;
          break;
        }
        if (p >= text.length) throw new XmlError(`unterminated start tag <${el.name}>`, line);
        NAME.lastIndex = p;
        const an = NAME.exec(text);
        if (!an || !hadSpace) throw new XmlError(`malformed attribute in <${el.name}>`, lineOf(p));
        const aLine = lineOf(p);
        const av = /\s*=\s*("([^"<]*)"|'([^'<]*)')/y;
        av.lastIndex = NAME.lastIndex;
        const vm = av.exec(text);
        if (!vm) throw new XmlError(`attribute ${an[0]} in <${el.name}> has no quoted value`, aLine);
        if (el.attrs.has(an[0])) throw new XmlError(`duplicate attribute ${an[0]} in <${el.name}>`, aLine);
        el.attrs.set(an[0], { value: decodeEntities(vm[2] !== undefined ? vm[2] : vm[3], aLine), line: aLine });
        p = av.lastIndex;
      }
      // namespaces
      el.nsMap = Object.assign({}, cur.nsMap);
      for (const [qn, a] of el.attrs) {
        if (qn === "xmlns") el.nsMap[""] = a.value;
        else if (qn.startsWith("xmlns:")) el.nsMap[qn.slice(6)] = a.value;
      }
      const colon = el.name.indexOf(":");
      el.prefix = colon < 0 ? "" : el.name.slice(0, colon);
      el.local = colon < 0 ? el.name : el.name.slice(colon + 1);
      el.ns = el.nsMap[el.prefix];
      if (el.prefix && el.ns === undefined) throw new XmlError(`undeclared namespace prefix "${el.prefix}"`, line);
      cur.children.push(el);
      if (!selfClosing) cur = el;
      pos = p;
    }
  }
  if (cur !== root) throw new XmlError(`<${cur.name}> (line ${cur.line}) is never closed`, lineOf(text.length));
  const elements = root.children;
  if (elements.length !== 1) throw new XmlError("a manifest must have exactly one root element", 1);
  if (root.text.trim() !== "") throw new XmlError("text outside the root element", 1);
  return elements[0];
}

// ---------------------------------------------------------------- tree helpers

function* walk(el) {
  yield el;
  for (const c of el.children) yield* walk(c);
}

/** Walks el's subtree, not descending into elements for which skip(e) is true (el itself is visited). */
function* walkSkipping(el, skip) {
  yield el;
  for (const c of el.children) if (!skip(c)) yield* walkSkipping(c, skip);
}

const is = (el, ns, local) => el.ns === ns && el.local === local;
const child = (el, ns, local) => el.children.find((c) => is(c, ns, local));
const children = (el, ns, local) => el.children.filter((c) => is(c, ns, local));
const attr = (el, name) => (el.attrs.has(name) ? el.attrs.get(name).value : undefined);
const attrLine = (el, name) => (el.attrs.has(name) ? el.attrs.get(name).line : el.line);

/** xsi:type value without its prefix, whatever prefix the document uses for the xsi namespace. */
function xsiType(el) {
  for (const [qn, a] of el.attrs) {
    const colon = qn.indexOf(":");
    if (colon > 0 && el.nsMap[qn.slice(0, colon)] === NS.xsi && qn.slice(colon + 1) === "type") {
      return a.value.slice(a.value.indexOf(":") + 1);
    }
  }
  return undefined;
}

function describe(el) {
  return `<${el.name}>`;
}

// ================================================================= XSD validation

function loadSchemas() {
  const files = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".xsd"));
  if (!files.includes(MAIN_SCHEMA)) throw new Error(`${MAIN_SCHEMA} is missing from ${SCHEMA_DIR}`);
  const read = (f) => ({ fileName: f, contents: fs.readFileSync(path.join(SCHEMA_DIR, f), "utf8") });
  return { main: read(MAIN_SCHEMA), others: files.filter((f) => f !== MAIN_SCHEMA).map(read) };
}

/** Shortens libxml2's "{namespace-uri}Name" notation to the prefixes a manifest uses. */
function shortenNamespaces(msg) {
  return msg
    .replace(/\{http:\/\/schemas\.microsoft\.com\/office\/officeappbasictypes\/1\.0\}/g, "bt:")
    .replace(/\{http:\/\/schemas\.microsoft\.com\/office\/(appforoffice\/1\.1|taskpaneappversionoverrides)\}/g, "")
    .replace(/\{http:\/\/www\.w3\.org\/2001\/XMLSchema-instance\}/g, "xsi:");
}

async function xsdValidate(xmlText) {
  const { validateXML } = require("xmllint-wasm");
  const { main, others } = loadSchemas();
  const internalName = "manifest.xml"; // name inside xmllint's in-memory file system
  let output;
  try {
    const result = await validateXML({
      xml: [{ fileName: internalName, contents: xmlText }],
      schema: [main],
      preload: others, // the imported schemas, under the file names the imports use
      modifyArguments: (args) => ["--nonet", ...args],
    });
    if (result.valid) return [];
    output = result.rawOutput;
  } catch (err) {
    // non-zero exits other than "invalid" (unreadable XML, schema that does not compile)
    output = String((err && err.message) || err);
  }
  const problems = [];
  const schemaMessages = []; // messages about the schema files themselves (missing, not compiling)
  for (const raw of output.split("\n")) {
    const m = /^([^\s:]+):(\d+): (.*)$/.exec(raw);
    if (m && m[1] === internalName) {
      const msg = m[3]
        .replace(/^(element \S+: )?Schemas validity error : /, "")
        .replace(/^parser error : /, "not well-formed: ");
      problems.push({ line: Number(m[2]), message: `XSD: ${shortenNamespaces(msg)}`, source: "xsd" });
    } else if (m) {
      schemaMessages.push(`${m[1]}:${m[2]}: ${shortenNamespaces(m[3])}`);
    } else if (/error|fail|compile/i.test(raw) && !/ fails to validate$/.test(raw.trim())) {
      schemaMessages.push(raw.trim());
    }
    // other lines: "<file> validates", "<file> fails to validate", source excerpts and carets
  }
  if (schemaMessages.length > 0) {
    // one broken import cascades into dozens of messages; show the first few and the verdict
    const unique = [...new Set(schemaMessages)];
    const shown = unique.slice(0, 3);
    const last = unique[unique.length - 1];
    if (unique.length > 3 && !shown.includes(last)) shown.push(`… ${unique.length - 4} more …`, last);
    for (const msg of shown) problems.push({ message: `XSD (schemas in ${path.relative(process.cwd(), SCHEMA_DIR) || "."}): ${msg}`, source: "xsd" });
  }
  if (problems.length === 0) problems.push({ message: `XSD: validation failed: ${output.trim().split("\n")[0]}`, source: "xsd" });
  return problems;
}

// ================================================================= own checks

/** Reads width and height from a PNG's IHDR, or null if the file is not a PNG. */
function pngSize(file) {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(24);
    if (fs.readSync(fd, head, 0, 24, 0) < 24) return null;
    const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    if (!head.subarray(0, 8).equals(sig) || head.toString("ascii", 12, 16) !== "IHDR") return null;
    return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
  } finally {
    fs.closeSync(fd);
  }
}

// Which resource collection a resid on a given element must come from.
const RESOURCE_KINDS = {
  images: "bt:Images",
  urls: "bt:Urls",
  short: "bt:ShortStrings",
  long: "bt:LongStrings",
};
function expectedKind(el) {
  if (el.local === "Image" && el.parent && el.parent.local === "Icon") return "images";
  if (["FunctionFile", "SourceLocation", "LearnMoreUrl", "Runtime"].includes(el.local)) return "urls";
  if (["Label", "Title"].includes(el.local)) return "short";
  if (el.local === "Description") return "long";
  return null; // unknown element: any kind will do
}

// Attributes and elements that must hold an absolute https URL.
const URL_SETTING_ELEMENTS = ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"];
const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.\-]*:\/\//;

function ownChecks(doc, ctx) {
  const problems = [];
  const warnings = [];
  let checks = 0;
  const check = (cond, line, message) => {
    checks++;
    if (!cond) problems.push({ line, message, source: "check" });
    return cond;
  };
  const warn = (line, message) => warnings.push({ line, message, source: "check" });

  // --- root, Id, locale ----------------------------------------------------------------
  if (!check(is(doc, NS.app, "OfficeApp"), doc.line, `root element is ${describe(doc)}, expected <OfficeApp> in ${NS.app}`)) {
    return { problems, warnings, checks };
  }
  check(xsiType(doc) === "TaskPaneApp", doc.line, `<OfficeApp> xsi:type is "${xsiType(doc)}", expected "TaskPaneApp"`);

  const id = child(doc, NS.app, "Id");
  if (check(!!id, doc.line, "<Id> is missing")) {
    check(GUID_RE.test(id.text.trim()), id.line, `<Id> "${id.text.trim()}" is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)`);
  }

  const defLocaleEl = child(doc, NS.app, "DefaultLocale");
  const defaultLocale = defLocaleEl ? defLocaleEl.text.trim() : undefined;
  if (check(!!defLocaleEl, doc.line, "<DefaultLocale> is missing")) {
    check(
      defaultLocale === REQUIRED_DEFAULT_LOCALE,
      defLocaleEl.line,
      `<DefaultLocale> is "${defaultLocale}", expected "${REQUIRED_DEFAULT_LOCALE}"`,
    );
  }

  // Overrides: one en-US override on the visible strings; none for the default locale; no duplicates.
  const checkOverrides = (el, overrideNs, what, requireEnUs) => {
    const overrides = children(el, overrideNs, "Override");
    const locales = overrides.map((o) => attr(o, "Locale") || "");
    if (requireEnUs) {
      check(
        locales.some((l) => l.toLowerCase() === REQUIRED_OVERRIDE_LOCALE.toLowerCase()),
        el.line,
        `${what} has no ${overrideNs === NS.bt ? "<bt:Override" : "<Override"} Locale="${REQUIRED_OVERRIDE_LOCALE}"> (English text)`,
      );
    }
    overrides.forEach((o, i) => {
      const loc = locales[i];
      check(
        !defaultLocale || loc.toLowerCase() !== defaultLocale.toLowerCase(),
        o.line,
        `${what} has an override for the default locale ${loc}; put that text in DefaultValue instead`,
      );
      check(
        locales.findIndex((l) => l.toLowerCase() === loc.toLowerCase()) === i,
        o.line,
        `${what} has more than one override for locale ${loc}`,
      );
    });
  };
  for (const name of ["DisplayName", "Description"]) {
    const el = child(doc, NS.app, name);
    if (el) checkOverrides(el, NS.app, `<${name}>`, true);
  }

  // --- https everywhere ------------------------------------------------------------------
  // (a) anything that looks like an absolute URL, in any attribute value or text, must be https;
  // (b) URL-typed settings and resources must be absolute https URLs.
  const urlUses = []; // { url, line, el, file } for the file checks below
  for (const el of walk(doc)) {
    for (const [qn, a] of el.attrs) {
      if (qn === "xmlns" || qn.startsWith("xmlns:")) continue; // namespace names, not fetched
      const v = a.value.trim();
      if (HAS_SCHEME.test(v)) {
        check(/^https:\/\//i.test(v), a.line, `${describe(el)} ${qn}="${v}" is not an https URL`);
        urlUses.push({ url: v, line: a.line, el, file: null });
      }
    }
    const t = el.text.trim();
    if (el.children.length === 0 && HAS_SCHEME.test(t)) {
      check(/^https:\/\//i.test(t), el.line, `${describe(el)} "${t}" is not an https URL`);
      urlUses.push({ url: t, line: el.line, el, file: null });
    }
    const urlValued =
      (el.ns === NS.app && URL_SETTING_ELEMENTS.includes(el.local)) ||
      (el.ns === NS.bt && (el.local === "Image" || el.local === "Url") && el.attrs.has("id"));
    if (urlValued) {
      // a value with another scheme was reported above; here: missing or not an absolute URL
      const values = [{ v: attr(el, "DefaultValue"), line: attrLine(el, "DefaultValue"), what: "DefaultValue" }];
      for (const o of el.children.filter((c) => c.local === "Override")) {
        values.push({ v: attr(o, "Value"), line: attrLine(o, "Value"), what: "override Value" });
      }
      for (const { v, line, what } of values) {
        const s = (v || "").trim();
        check(HAS_SCHEME.test(s), line, `${describe(el)} ${what}="${s}" must be an absolute https URL`);
      }
    }
    if (is(el, NS.app, "AppDomain")) {
      check(HAS_SCHEME.test(t), el.line, `<AppDomain> "${t}" must be an absolute https URL (https://host)`);
    }
  }

  // --- local files behind https://localhost:3000/assets/ ---------------------------------
  for (const u of urlUses) {
    if (!u.url.toLowerCase().startsWith(ASSETS_PREFIX)) continue;
    const rel = decodeURIComponent(u.url.slice(ASSETS_PREFIX.length).split(/[?#]/)[0]);
    const file = path.join(ctx.assetsDir, rel);
    const inside = path.relative(ctx.assetsDir, file);
    if (!check(rel !== "" && !inside.startsWith("..") && !path.isAbsolute(inside), u.line, `${u.url} points outside assets/`)) continue;
    const exists = fs.existsSync(file) && fs.statSync(file).isFile();
    check(exists, u.line, `${u.url}: file assets/${rel} does not exist (looked in ${ctx.assetsDirShown})`);
    u.file = exists ? file : null;
  }
  // --- pages behind https://localhost:3000/ (taskpane.html, help.html, …) come from src/ ----
  // webpack emits each page under its file name, so the name must be an HTML file in src/.
  if (ctx.srcDir && fs.existsSync(ctx.srcDir)) {
    const pages = new Set();
    const collect = (dir) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) collect(path.join(dir, e.name));
        else if (/\.html$/i.test(e.name)) pages.add(e.name.toLowerCase());
      }
    };
    collect(ctx.srcDir);
    for (const u of urlUses) {
      const lower = u.url.toLowerCase();
      if (!lower.startsWith(DEV_ORIGIN) || lower.startsWith(ASSETS_PREFIX)) continue;
      const page = decodeURIComponent(u.url.slice(DEV_ORIGIN.length).split(/[?#]/)[0]);
      check(pages.has(page.toLowerCase()), u.line, `${u.url}: no page ${page} in src/ (webpack serves only the pages it builds)`);
    }
  }
  // icon pixel sizes: IconUrl 32x32, HighResolutionIconUrl 64x64 (Office's documented sizes)
  const wantSize = { IconUrl: 32, HighResolutionIconUrl: 64 };
  const checkPng = (file, size, line, what) => {
    const dim = pngSize(file);
    if (!check(!!dim, line, `${what}: ${path.basename(file)} is not a PNG file`)) return;
    check(
      dim.width === size && dim.height === size,
      line,
      `${what}: ${path.basename(file)} is ${dim.width}x${dim.height}, expected ${size}x${size}`,
    );
  };
  for (const u of urlUses) {
    if (!u.file || !/\.png$/i.test(u.file)) continue;
    const owner = u.el.local === "Override" ? u.el.parent : u.el;
    if (owner.ns === NS.app && wantSize[owner.local]) checkPng(u.file, wantSize[owner.local], u.line, `<${owner.local}>`);
  }

  // --- VersionOverrides: resids, resources, ids -----------------------------------------
  const versionOverrides = [...walk(doc)].filter((e) => e.local === "VersionOverrides" && e !== doc);
  for (const vo of versionOverrides) {
    const resources = vo.children.find((c) => c.local === "Resources");
    /** id → { kind, el } */
    const defs = new Map();
    if (resources) {
      for (const [kind, collection] of Object.entries(RESOURCE_KINDS)) {
        const local = collection.slice(3);
        for (const coll of children(resources, NS.bt, local)) {
          for (const item of coll.children) {
            const rid = attr(item, "id");
            if (rid === undefined) continue; // the XSD reports it
            const prev = defs.get(rid);
            check(!prev, item.line, `resource id "${rid}" is defined twice (first on line ${prev ? prev.el.line : "?"})`);
            if (!prev) defs.set(rid, { kind, el: item });
            if (kind === "short" || kind === "long") {
              checkOverrides(item, NS.bt, `${collection} "${rid}"`, true);
            }
          }
        }
      }
    }

    const refs = [];
    const skip = (e) => (e.local === "VersionOverrides" && e !== vo) || e === resources;
    for (const el of walkSkipping(vo, skip)) {
      if (el.attrs.has("resid")) refs.push(el);
    }
    const used = new Set();
    for (const el of refs) {
      const rid = attr(el, "resid");
      used.add(rid);
      const def = defs.get(rid);
      if (!check(!!def, attrLine(el, "resid"), `resid "${rid}" used by ${describe(el)} is not defined in <Resources>`)) continue;
      const kind = expectedKind(el);
      if (kind) {
        check(
          def.kind === kind,
          attrLine(el, "resid"),
          `resid "${rid}" used by ${describe(el)} is defined in ${RESOURCE_KINDS[def.kind]} (line ${def.el.line}), but ${describe(el)} needs one from ${RESOURCE_KINDS[kind]}`,
        );
      }
      // icon size: <bt:Image size="32" resid=…> should point at a 32x32 local file
      if (kind === "images" && def.kind === "images") {
        const size = Number(attr(el, "size"));
        const url = (attr(def.el, "DefaultValue") || "").trim();
        if (size && url.toLowerCase().startsWith(ASSETS_PREFIX)) {
          const file = path.join(ctx.assetsDir, decodeURIComponent(url.slice(ASSETS_PREFIX.length).split(/[?#]/)[0]));
          if (fs.existsSync(file) && fs.statSync(file).isFile()) checkPng(file, size, attrLine(el, "resid"), `<bt:Image size="${size}" resid="${rid}">`);
        }
      }
    }
    for (const [rid, def] of defs) {
      if (!used.has(rid)) warn(def.el.line, `resource "${rid}" in ${RESOURCE_KINDS[def.kind]} is defined but never used`);
    }

    // Group/Control ids must be unique: duplicates break the ribbon silently.
    const seenIds = new Map();
    for (const el of walkSkipping(vo, skip)) {
      if (!(el.local === "Group" || el.local === "Control" || el.local === "Item")) continue;
      const cid = attr(el, "id");
      if (cid === undefined) continue;
      check(!seenIds.has(cid), el.line, `${describe(el)} id "${cid}" is already used on line ${seenIds.get(cid)}`);
      if (!seenIds.has(cid)) seenIds.set(cid, el.line);
    }
  }

  return { problems, warnings, checks };
}

// ================================================================= entry points

/**
 * Validates a manifest file. Resolves to { ok, problems, warnings, checks }; problems and warnings
 * are { line?, message, source: "xsd" | "check" | "xml" }. Never rejects for a bad manifest; it
 * rejects only if the manifest cannot be read.
 * options.assetsDir: where https://localhost:3000/assets/* files live (default: assets/ next to
 * the manifest). options.srcDir: where the HTML pages behind https://localhost:3000/*.html are
 * (default: src/ next to the manifest; the page check is skipped when it does not exist).
 */
async function validateManifest(manifestPath, options = {}) {
  const text = fs.readFileSync(manifestPath, "utf8");
  const assetsDir = path.resolve(options.assetsDir || path.join(path.dirname(manifestPath), "assets"));
  const srcDir = path.resolve(options.srcDir || path.join(path.dirname(manifestPath), "src"));
  const ctx = { assetsDir, srcDir, assetsDirShown: path.relative(process.cwd(), assetsDir) || "." };

  const problems = await xsdValidate(text);
  let warnings = [];
  let checks = 0;
  let doc = null;
  try {
    doc = parseXml(text);
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
    // libxml2 normally reports this too; add ours only if it said nothing about well-formedness
    if (!problems.some((p) => /well-formed/.test(p.message))) {
      problems.push({ line: err.line, message: `not well-formed: ${err.message}`, source: "xml" });
    }
  }
  if (doc) {
    const own = ownChecks(doc, ctx);
    problems.push(...own.problems);
    warnings = own.warnings;
    checks = own.checks;
  }
  const byLine = (a, b) => (a.line || 0) - (b.line || 0);
  problems.sort(byLine);
  warnings.sort(byLine);
  return { ok: problems.length === 0, problems, warnings, checks };
}

function formatProblem(file, p, level) {
  return `${file}${p.line ? `:${p.line}` : ""}: ${level ? level + ": " : ""}${p.message}`;
}

async function main(argv) {
  let manifest = null;
  let assetsDir;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--assets") assetsDir = argv[++i];
    else if (a === "-h" || a === "--help") {
      console.log("usage: node scripts/validate-manifest.js [manifest.xml] [--assets DIR]");
      return 0;
    } else if (a.startsWith("-") || manifest !== null) {
      console.error(`unexpected argument ${a}\nusage: node scripts/validate-manifest.js [manifest.xml] [--assets DIR]`);
      return 2;
    } else manifest = a;
  }
  if (manifest === null) manifest = path.relative(process.cwd(), path.join(__dirname, "..", "manifest.xml")) || "manifest.xml";
  if (!fs.existsSync(manifest)) {
    console.error(`${manifest}: no such file`);
    return 1;
  }
  const r = await validateManifest(manifest, { assetsDir });
  for (const w of r.warnings) console.log(formatProblem(manifest, w, "warning"));
  for (const p of r.problems) console.log(formatProblem(manifest, p));
  if (!r.ok) {
    console.log(`${manifest}: ${r.problems.length} problem${r.problems.length === 1 ? "" : "s"}`);
    return 1;
  }
  console.log(`${manifest} validates (XSD + ${r.checks} own checks)`);
  return 0;
}

module.exports = { validateManifest, parseXml };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(`validate-manifest: ${err && err.stack ? err.stack : err}`);
      process.exit(1);
    },
  );
}
