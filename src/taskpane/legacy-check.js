/* Runs inline in the task pane's page (taskpane.html, and the WPS pane's) before anything else.
   Plain ES5 on purpose: it must run in the webviews it turns away. The pane's bundles use
   optional chaining, ??, regular expressions with lookbehind and, in Fluent UI's focus library
   (tabster), class static blocks (ES2022), which these cannot even parse:
     - Trident (Internet Explorer 11): volume-licensed Office 2016 and 2019;
     - EdgeHTML (user agent "Edge/"; Chromium Edge says "Edg/"): Office 2019 and Microsoft 365
       builds on Windows 10 before WebView2;
     - Chromium before 94, the first with class static blocks (an old WPS Office, whose add-ins
       run in its own Chromium). The end-to-end tests check that the built scripts parse as
       ES2022, so this stays the oldest engine that can run them.
   There it sets a flag the bundle checks and replaces the page with an upgrade message, instead
   of a blank pane. The message names WPS when the page says so (<html data-host="wps">).
   webpack.config.js inlines this file and allows it in the CSP by its sha256 hash. */
(function () {
  var ua = navigator.userAgent;
  var engine = null;
  if (ua.indexOf("Trident") !== -1) engine = "trident";
  else if (/\bEdge\/\d/.test(ua)) engine = "edgehtml";
  else {
    var chrome = /Chrom(?:e|ium)\/(\d+)/.exec(ua);
    if (chrome && parseInt(chrome[1], 10) < 94) engine = "chromium";
  }
  if (!engine) return;
  window.__indicatorCheckerLegacyBrowser = true;
  var wps = document.documentElement.getAttribute("data-host") === "wps";
  var zh;
  var en;
  if (wps) {
    zh = "此版本 WPS Office 的浏览器内核过旧，无法运行本加载项，请升级 WPS Office 到最新版本。";
    en = "This version of WPS Office uses an old browser engine that cannot run this add-in. Please update WPS Office.";
  } else if (engine === "trident") {
    zh = "此版本的 Office 使用旧版浏览器内核（Internet Explorer），无法运行本加载项，请升级到 Microsoft 365 或 Office 2021 及以上版本。";
    en = "This version of Office uses an old browser engine (Internet Explorer) that cannot run this add-in. Please upgrade to Microsoft 365 or Office 2021 or later.";
  } else if (engine === "edgehtml") {
    zh = "此版本的 Office 使用旧版 Edge 浏览器内核（EdgeHTML），无法运行本加载项，请升级到 Microsoft 365 或 Office 2021 及以上版本。";
    en = "This version of Office uses the old Edge browser engine (EdgeHTML) that cannot run this add-in. Please upgrade to Microsoft 365 or Office 2021 or later.";
  } else {
    zh = "当前浏览器内核过旧，无法运行本加载项，请升级 Office 或浏览器。";
    en = "This browser engine is too old to run this add-in. Please update Office or the browser.";
  }
  var message =
    '<div style="font-family:\'Segoe UI\',\'Microsoft YaHei\',sans-serif;padding:16px;line-height:1.5">' +
    '<p lang="zh-CN">' + zh + "</p>" +
    '<p lang="en-US">' + en + "</p></div>";
  function show() {
    document.body.innerHTML = message;
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", show);
  } else {
    show();
  }
})();
