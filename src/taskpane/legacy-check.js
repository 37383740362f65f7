/* Runs inline in taskpane.html before anything else. Plain ES5 on purpose: Office 2016/2019
   (volume licence) show add-ins in Trident (IE11), where React 19 and Fluent UI v9 cannot run.
   There it sets a flag the bundle checks and replaces the page with an upgrade message.
   webpack.config.js inlines this file and allows it in the CSP by its sha256 hash. */
(function () {
  if (navigator.userAgent.indexOf("Trident") === -1) return;
  window.__indicatorCheckerLegacyBrowser = true;
  var message =
    '<div style="font-family:\'Segoe UI\',\'Microsoft YaHei\',sans-serif;padding:16px;line-height:1.5">' +
    '<p lang="zh-CN">此版本的 Office 使用旧版浏览器内核，无法运行本加载项，请升级到 Microsoft 365 或 Office 2021 及以上版本。</p>' +
    '<p lang="en-US">This version of Office uses an old browser engine (Internet Explorer) that cannot run this add-in. ' +
    "Please upgrade to Microsoft 365 or Office 2021 or later.</p></div>";
  function show() {
    document.body.innerHTML = message;
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", show);
  } else {
    show();
  }
})();
