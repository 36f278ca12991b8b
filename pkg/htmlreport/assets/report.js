/* zhpolicy report: starts the charts from the options in #zhpolicy-data,
   switches chart views, keeps charts sized to the page. No network use. */
(function () {
  "use strict";
  var dataEl = document.getElementById("zhpolicy-data");
  var data = JSON.parse(dataEl ? dataEl.textContent : "{}");
  var options = data.charts || {};
  var instances = {};
  var state = { charts: instances, total: 0, rendered: 0 };
  window.zhpolicyReport = state;

  function esc(s) {
    return echarts.format.encodeHTML(String(s));
  }

  // "tip" formatter: the lines a data item carries, each escaped.
  function tipFormatter(p) {
    var d = p && p.data;
    if (d && d.tip && d.tip.length) {
      return d.tip.map(esc).join("<br>");
    }
    var name = p.name != null && p.name !== "" ? p.name : p.seriesName;
    var v = Array.isArray(p.value) ? p.value.join(", ") : p.value;
    return esc(name) + ": " + esc(v);
  }

  function prepare(option, el) {
    var o = JSON.parse(JSON.stringify(option));
    if (o.tooltip && o.tooltip.formatter === "tip") {
      o.tooltip.formatter = tipFormatter;
    }
    // a word cloud on a narrow screen: smaller words, so that most fit
    var narrow = el.clientWidth < 600;
    (o.series || []).forEach(function (s) {
      if (s.type === "wordCloud" && narrow && s.sizeRange) {
        s.sizeRange = [Math.max(10, Math.round(s.sizeRange[0] * 0.7)), Math.round(s.sizeRange[1] * 0.55)];
      }
    });
    return o;
  }

  function start(el) {
    var id = el.getAttribute("data-chart");
    var views = options[id];
    if (!views || !views.length) {
      throw new Error("no options for chart " + id);
    }
    if (window.innerWidth < 640) {
      var h = parseInt(el.style.height, 10);
      if (h > 320) {
        el.style.height = Math.max(320, Math.round(h * 0.8)) + "px";
      }
    }
    var chart = echarts.init(el, null, { renderer: "canvas" });
    instances[id] = chart;
    state.total++;
    chart.on("finished", function () {
      if (!el.hasAttribute("data-rendered")) {
        el.setAttribute("data-rendered", "1");
        state.rendered++;
      }
    });
    chart.setOption(prepare(views[0], el));
    var fig = el.parentNode;
    var buttons = fig.querySelectorAll(".views button[data-view]");
    Array.prototype.forEach.call(buttons, function (b) {
      b.addEventListener("click", function () {
        var i = parseInt(b.getAttribute("data-view"), 10);
        chart.setOption(prepare(views[i], el), true);
        Array.prototype.forEach.call(buttons, function (o) {
          o.setAttribute("aria-pressed", o === b ? "true" : "false");
        });
      });
    });
  }

  var els = document.querySelectorAll("[data-chart]");
  Array.prototype.forEach.call(els, function (el) {
    try {
      start(el);
    } catch (e) {
      el.textContent = String(e && e.message ? e.message : e);
      console.error("zhpolicy report: chart " + el.getAttribute("data-chart") + ": " + e);
    }
  });

  var timer = 0;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      Object.keys(instances).forEach(function (k) {
        instances[k].resize();
      });
    }, 150);
  });
  // A chart in a section the reader unfolds or a view the page reflows.
  if (window.ResizeObserver) {
    var ro = new ResizeObserver(function (entries) {
      entries.forEach(function (e) {
        var c = instances[e.target.getAttribute("data-chart")];
        if (c) {
          c.resize();
        }
      });
    });
    Array.prototype.forEach.call(els, function (el) {
      ro.observe(el);
    });
  }
})();
