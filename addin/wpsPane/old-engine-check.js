/* ES5 on purpose: it must run in any engine an old WPS embeds, including those that cannot run the pane itself. */
/* global window, document */
(function () {
  var modern =
    typeof Promise !== "undefined" &&
    typeof Proxy !== "undefined" &&
    typeof Symbol !== "undefined" &&
    typeof Map !== "undefined" &&
    typeof Object.assign !== "undefined" &&
    typeof Object.fromEntries !== "undefined" &&
    typeof Array.prototype.includes !== "undefined" &&
    typeof Array.prototype.flatMap !== "undefined" &&
    !/Trident\/|MSIE /.test(navigator.userAgent);
  if (modern) return;
  window.kaoheLegacy = true;
  function show() {
    var box = document.getElementById("legacy-message");
    if (!box) return;
    box.innerHTML =
      "<h2 style=\"font-size:18px\">无法在此版本的 WPS 中运行</h2>" +
      "<p>您的 WPS 用来显示加载项的浏览器内核版本过旧，无法运行“法治考核”。</p>" +
      "<p>请联系信息中心把 WPS 升级到较新的版本；或在较新的浏览器（如 Chrome、新版 Edge、奇安信、360 极速模式）中打开" +
      "独立网页版（kaohe.html），用它打开和保存考核表（.xlsx）。</p>";
    box.style.display = "block";
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", show);
  } else {
    show();
  }
})();
