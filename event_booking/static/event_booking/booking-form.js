/* The booking form, sent back with errors: move the keyboard focus to the first field that
   has one (its label and error are announced with it), or to the error summary when the
   error concerns no single field. A static file, so a Content-Security-Policy without
   inline scripts allows it; without JavaScript the error summary still links each field.
   It waits for "load": the browser's jump to the #booking fragment comes after the document
   is parsed and would take an earlier focus away again. */
(function () {
  "use strict";
  function focusFirstError() {
    var form = document.querySelector("#booking form");
    if (!form) return;
    var active = document.activeElement;
    if (active && active !== document.body) return; // the person has already moved on
    var target = form.querySelector('[aria-invalid="true"]') || form.querySelector(".error-summary");
    if (target) target.focus();
  }
  if (document.readyState === "complete") {
    focusFirstError();
  } else {
    window.addEventListener("load", focusFirstError);
  }
})();
