/* The booking form of a paid offering: the total for the number of seats chosen, net, VAT
   and gross, updated as the number changes (services/payment.py computes the same, to the
   cent, half up). Without JavaScript the line stays hidden and the price per seat shows. */
(function () {
  "use strict";
  function init() {
    var total = document.querySelector("#booking [data-price-total]");
    var seats = document.querySelector("#booking-seats");
    if (!total || !seats) return;
    var feeCents = parseInt(total.getAttribute("data-fee-cents"), 10);
    var percent = parseFloat(total.getAttribute("data-vat-percent")) || 0;
    var format = new Intl.NumberFormat(document.documentElement.lang || undefined, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    function show(selector, cents) {
      var node = total.querySelector(selector);
      if (node) node.textContent = format.format(cents / 100);
    }
    function update() {
      var count = parseInt(seats.value, 10);
      if (!(count >= 1)) {
        total.hidden = true;
        return;
      }
      var net = feeCents * count;
      var vat = Math.round((net * percent) / 100);
      show("[data-price-net]", net);
      show("[data-price-vat]", vat);
      show("[data-price-gross]", net + vat);
      total.hidden = false;
    }
    seats.addEventListener("input", update);
    update();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
