/* The WPS add-in's main page script (index.html loads it when WPS starts the add-in). WPS calls the
   ribbon callbacks named in ribbon.xml as global functions of this page: OnAddinLoad when the
   ribbon loads, OnAction when the button is pressed, GetImage for its icon.
   Plain ES5, like the scripts of wpsjs projects: it runs in whatever webview WPS has. */
var INDICATOR_CHECKER_PANE_KEY = "indicatorCheckerTaskPaneId";
var INDICATOR_CHECKER_BUTTON = "btnIndicatorCheck";

/** The folder this page was loaded from (the add-in's root), without a trailing slash. */
function indicatorCheckerBase() {
  var href = String(document.location.href).split("#")[0].split("?")[0];
  return href.substring(0, href.lastIndexOf("/"));
}

function OnAddinLoad(ribbonUI) {
  return true;
}

/** Shows the task pane: the one created earlier if WPS still has it, a new one otherwise. */
function showIndicatorCheckerPane() {
  var app = window.Application;
  var id = app.PluginStorage.getItem(INDICATOR_CHECKER_PANE_KEY);
  if (id) {
    try {
      var existing = app.GetTaskPane(id);
      existing.Visible = true;
      return existing;
    } catch (e) {
      /* closed for good: create it again */
    }
  }
  var pane = app.CreateTaskPane(indicatorCheckerBase() + "/taskpane.html", "指标校验");
  app.PluginStorage.setItem(INDICATOR_CHECKER_PANE_KEY, pane.ID);
  pane.Visible = true;
  return pane;
}

function OnAction(control) {
  if (control && control.Id === INDICATOR_CHECKER_BUTTON) showIndicatorCheckerPane();
  return true;
}

function GetImage(control) {
  return "assets/icon-32.png";
}
