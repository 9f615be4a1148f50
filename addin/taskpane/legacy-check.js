/* ES5 on purpose: this must run in Internet Explorer 11 and EdgeHTML, which cannot run the task pane itself. */
/* global window, document */
(function () {
  var modern =
    typeof Promise !== "undefined" &&
    typeof Proxy !== "undefined" &&
    typeof Symbol !== "undefined" &&
    typeof Map !== "undefined" &&
    typeof window.fetch !== "undefined" &&
    typeof Object.assign !== "undefined" &&
    typeof Array.prototype.includes !== "undefined" &&
    !/Trident\/|MSIE |Edge\/\d/.test(navigator.userAgent);
  if (modern) return;
  window.kaoheLegacy = true;
  function show() {
    var box = document.getElementById("legacy-message");
    if (!box) return;
    box.innerHTML =
      "<h2 style=\"font-size:18px\">无法在此版本的 Office 中运行</h2>" +
      "<p>您的 Excel 使用旧的浏览器内核（Internet Explorer 或旧版 Edge）显示加载项，无法运行“法治考核”。</p>" +
      "<p>请升级到 Microsoft 365 或 Office 2021 及以上版本；或在 Chrome、新版 Edge 等浏览器中打开" +
      "<a href=\"standalone.html\" target=\"_blank\">独立网页版</a>，用它打开和保存考核表（.xlsx）。</p>";
    box.style.display = "block";
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", show);
  } else {
    show();
  }
})();
