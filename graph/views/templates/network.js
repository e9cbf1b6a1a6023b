{% raw %}(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("amurkg-data").textContent);
  var LANGS = ["en", "zh", "ja", "ru"];
  var ui = data.ui;

  function say(key, n) { return (ui[key] || key).replace("{n}", n === undefined ? "" : Number(n).toLocaleString()); }
  function el(tag, text, className) {
    var element = document.createElement(tag);
    if (text !== undefined && text !== null) element.textContent = String(text);
    if (className) element.className = className;
    return element;
  }

  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var edgeById = {};
  data.edges.forEach(function (e) { edgeById[e.id] = e; });
  function name(id) { return byId[id] ? byId[id].label : id; }
  function className(cls) { return data.classes[cls] ? data.classes[cls].name : cls; }
  function predicateName(p) { return data.predicates[p] ? data.predicates[p].name : p; }

  // --- details (tooltip and side panel) ------------------------------------------------------
  function nodeDetails(n) {
    var box = el("div", null, "tip");
    box.appendChild(el("div", n.label, "tip-title"));
    var counts = say("links_here", n.degree) + (n.total !== n.degree ? " (" + say("links_total", n.total) + ")" : "");
    box.appendChild(el("div", className(n.cls) + " · " + counts + " · " + n.id, "tip-class"));
    var table = el("table");
    LANGS.forEach(function (lang) {
      var label = n.labels[lang];
      if (!label) return;
      var row = el("tr");
      row.appendChild(el("td", lang, "lang"));
      row.appendChild(el("td", label));
      table.appendChild(row);
    });
    box.appendChild(table);
    if (n.aliases.length) box.appendChild(el("div", "= " + n.aliases.join(" · "), "muted"));
    if (n.wikidata && /^Q[0-9]+$/.test(n.wikidata)) {
      var link = el("a", "Wikidata " + n.wikidata);
      link.href = "https://www.wikidata.org/wiki/" + n.wikidata;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      box.appendChild(link);
    }
    var docs = n.documents;
    if (docs.length) {
      box.appendChild(el("div", say("named_in", docs.length)));
      var list = el("ul");
      docs.slice(0, 8).forEach(function (d) { list.appendChild(el("li", d[1] + " [" + d[0] + "]")); });
      if (docs.length > 8) list.appendChild(el("li", say("more", docs.length - 8), "muted"));
      box.appendChild(list);
    } else {
      box.appendChild(el("div", say("named_none"), "muted"));
    }
    return box;
  }

  function marked(text, marks) {
    var quote = el("blockquote"), at = 0;
    marks.forEach(function (m) {
      if (m[0] > at) quote.appendChild(document.createTextNode(text.slice(at, m[0])));
      quote.appendChild(el("mark", text.slice(m[0], m[1])));
      at = m[1];
    });
    if (at < text.length) quote.appendChild(document.createTextNode(text.slice(at)));
    return quote;
  }

  function edgeDetails(e) {
    var box = el("div", null, "tip");
    var words = predicateName(e.predicate);
    box.appendChild(el("div", name(e.from) + (e.arrows ? " —" + words + "→ " : " —" + words + "— ") + name(e.to), "tip-title"));
    if (e.predicate === "coMentionedWith") {
      box.appendChild(el("div", say("comention", e.count), "tip-class"));
      return box;
    }
    box.appendChild(el("div", e.predicate, "tip-class"));
    e.evidence.slice(0, 5).forEach(function (ev) {
      if (ev[0] === "catalog") { box.appendChild(el("div", say("catalog"), "muted")); return; }
      box.appendChild(el("div", ev[2] + " [" + ev[1] + "] · " + ev[0]));
      box.appendChild(marked(ev[3], ev[4]));
    });
    if (e.evidence.length > 5) box.appendChild(el("div", say("more", e.evidence.length - 5), "muted"));
    return box;
  }

  // --- the drawing -------------------------------------------------------------------------
  var showUnlinked = false;
  var hiddenClasses = {}, hiddenPredicates = {};
  function nodeStyle(n, dim) {
    var focus = n.id === data.focus;
    return {
      id: n.id, x: n.x, y: n.y, size: n.size, shape: n.shape, cls: n.cls,
      borderWidth: focus ? 4 : 1,
      color: dim ? { background: "#eeeeee", border: "#dddddd" }
                 : { background: n.color, border: focus ? "#000000" : "#333333",
                     highlight: { background: n.color, border: "#000000" }, hover: { background: n.color, border: "#000000" } }
    };
  }
  function edgeStyle(e, dim) {
    var colour = dim ? "rgba(200,200,200,0.15)" : e.color;
    return { id: e.id, from: e.from, to: e.to, predicate: e.predicate, arrows: e.arrows,
             color: { color: colour, highlight: colour, hover: colour, inherit: false },
             width: e.width, dashes: e.dashes };
  }
  var nodes = new vis.DataSet(data.nodes.map(function (n) { return nodeStyle(n, false); }));
  var edges = new vis.DataSet(data.edges.map(function (e) { return edgeStyle(e, false); }));
  var nodeView = new vis.DataView(nodes, { filter: function (n) {
    return !hiddenClasses[n.cls] && (showUnlinked || byId[n.id].degree > 0 || n.id === data.focus);
  } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return !hiddenPredicates[e.predicate]; } });

  var options = {
    autoResize: true,
    layout: { improvedLayout: false },
    physics: { enabled: false, solver: "forceAtlas2Based",
               forceAtlas2Based: { gravitationalConstant: -60, springLength: 60, avoidOverlap: 0.4 },
               stabilization: { enabled: false } },
    interaction: { hover: true, tooltipDelay: 100, hideEdgesOnDrag: data.large, hideEdgesOnZoom: data.large, multiselect: false },
    nodes: { borderWidth: 1, font: { size: 0 }, label: undefined },
    edges: { smooth: false, arrowStrikethrough: false, arrows: { to: { scaleFactor: 0.45 } }, selectionWidth: 1.5, hoverWidth: 1.5 }
  };
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  var state = { network: network, nodes: nodes, edges: edges, data: data, drawnAt: null, labels: [],
                highlighted: [], selected: null };
  window.amurkg = state;
  network.once("afterDrawing", function () { state.drawnAt = performance.now(); });
  function fitAll() { network.fit({ animation: false, maxZoomLevel: 2 }); }
  fitAll();

  // --- labels: drawn by the page, by importance, only where they fit, fixed size on screen -----
  var ORDER = data.nodes.slice().sort(function (a, b) {
    return (b.degree - a.degree) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  }).map(function (n) { return n.id; });
  var widths = {};
  var pinned = {};  // id → true: always labelled (hovered, selected, searched, the focus)
  if (data.focus) pinned[data.focus] = true;
  var hovered = null;
  var MAX_LABELS = 450;
  function forcedLabel(id) { return !!pinned[id] || id === hovered; }

  network.on("afterDrawing", function (ctx) {
    var ratio = ctx.canvas.width / (container.clientWidth || 1);
    var scale = network.getScale(), view = network.getViewPosition();
    var w = container.clientWidth, h = container.clientHeight;
    var positions = network.getPositions();
    var highlight = state.highlighted.length ? {} : null;
    if (highlight) state.highlighted.forEach(function (id) { highlight[id] = true; });
    var first = Object.keys(pinned).concat(hovered ? [hovered] : []);
    if (highlight) first = first.concat(state.highlighted);
    var order = first.concat(ORDER);
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textAlign = "left";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    var cell = 80, grid = {}, boxes = [], done = {};
    function hits(b) {
      for (var gx = Math.floor(b[0] / cell); gx <= Math.floor((b[0] + b[2]) / cell); gx++) {
        for (var gy = Math.floor(b[1] / cell); gy <= Math.floor((b[1] + b[3]) / cell); gy++) {
          var list = grid[gx + ":" + gy];
          if (!list) continue;
          for (var i = 0; i < list.length; i++) {
            var o = list[i];
            if (b[0] < o[0] + o[2] && o[0] < b[0] + b[2] && b[1] < o[1] + o[3] && o[1] < b[1] + b[3]) return true;
          }
        }
      }
      return false;
    }
    function keep(b) {
      for (var gx = Math.floor(b[0] / cell); gx <= Math.floor((b[0] + b[2]) / cell); gx++) {
        for (var gy = Math.floor(b[1] / cell); gy <= Math.floor((b[1] + b[3]) / cell); gy++) {
          (grid[gx + ":" + gy] = grid[gx + ":" + gy] || []).push(b);
        }
      }
    }
    for (var i = 0; i < order.length && boxes.length < MAX_LABELS; i++) {
      var id = order[i];
      if (done[id] || !positions[id]) continue;
      done[id] = true;
      if (highlight && !highlight[id] && !pinned[id] && id !== hovered) continue;
      var n = byId[id], p = positions[id];
      var sx = (p.x - view.x) * scale + w / 2, sy = (p.y - view.y) * scale + h / 2;
      if (sx < -200 || sx > w + 200 || sy < -40 || sy > h + 40) continue;
      var strong = pinned[id] || id === hovered || n.degree >= 8;
      var font = (strong ? "bold " : "") + "12px Noto Sans, WenQuanYi Zen Hei, sans-serif";
      ctx.font = font;
      var text = n.label.length > 34 && !forcedLabel(id) ? n.label.slice(0, 32) + "…" : n.label;
      var key = font + "|" + text;
      var tw = widths[key] || (widths[key] = ctx.measureText(text).width);
      var r = n.size * scale;
      var box = [sx - tw / 2 - 2, sy + r + 1, tw + 4, 15];
      var forced = forcedLabel(id);
      if (!forced && hits(box)) continue;
      keep(box);
      boxes.push([id, box[0], box[1], box[2], box[3]]);
      ctx.lineWidth = 3;
      ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.strokeText(text, box[0] + 2, box[1] + 1);
      ctx.fillStyle = id === data.focus ? "#000000" : "#222222";
      ctx.fillText(text, box[0] + 2, box[1] + 1);
    }
    ctx.restore();
    state.labels = boxes;
  });

  // --- tooltip ---------------------------------------------------------------------------------
  var tooltip = document.getElementById("tooltip");
  function showTip(element, params) {
    tooltip.textContent = "";
    tooltip.appendChild(element);
    tooltip.style.display = "block";
    var x = params.pointer.DOM.x + 14, y = params.pointer.DOM.y + 14;
    var maxX = container.clientWidth - tooltip.offsetWidth - 6, maxY = container.clientHeight - tooltip.offsetHeight - 6;
    tooltip.style.left = Math.max(4, Math.min(x, maxX)) + "px";
    tooltip.style.top = Math.max(4, Math.min(y, maxY)) + "px";
  }
  function hideTip() { tooltip.style.display = "none"; }
  network.on("hoverNode", function (params) { hovered = params.node; showTip(nodeDetails(byId[params.node]), params); network.redraw(); });
  network.on("blurNode", function () { hovered = null; hideTip(); network.redraw(); });
  network.on("hoverEdge", function (params) { if (!hovered) showTip(edgeDetails(edgeById[params.edge]), params); });
  network.on("blurEdge", function () { if (!hovered) hideTip(); });
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  // --- neighbourhood highlight ------------------------------------------------------------------
  function highlight(id) {
    var around = {};
    around[id] = true;
    var touching = {};
    network.getConnectedEdges(id).forEach(function (e) { touching[e] = true; });
    network.getConnectedNodes(id).forEach(function (n) { around[n] = true; });
    nodes.update(data.nodes.map(function (n) { return nodeStyle(n, !around[n.id]); }));
    edges.update(data.edges.map(function (e) { return edgeStyle(e, !touching[e.id]); }));
    state.highlighted = Object.keys(around).sort();
    state.selected = id;
    network.selectNodes([id], false);
  }
  function clearHighlight() {
    if (!state.highlighted.length) return;
    nodes.update(data.nodes.map(function (n) { return nodeStyle(n, false); }));
    edges.update(data.edges.map(function (e) { return edgeStyle(e, false); }));
    state.highlighted = [];
    state.selected = null;
    network.unselectAll();
  }
  state.highlight = highlight;
  state.nodeText = function (id) { return nodeDetails(byId[id]).textContent; };
  state.edgeText = function (id) { return edgeDetails(edgeById[id]).textContent; };

  var details = document.getElementById("details");
  function show(element) { details.textContent = ""; details.appendChild(element); }
  function choose(id) {
    var n = byId[id];
    if (!n) return;
    show(nodeDetails(n));
    Object.keys(pinned).forEach(function (k) { if (k !== data.focus) delete pinned[k]; });
    pinned[id] = true;
    if (hiddenClasses[n.cls]) {
      hiddenClasses[n.cls] = false;
      var box = document.querySelector('#legend-classes input[data-key="' + n.cls + '"]');
      if (box) box.checked = true;
      nodeView.refresh();
    }
    if (!n.degree && !showUnlinked) { clearHighlight(); network.redraw(); return; }
    highlight(id);
    network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: false });
  }
  state.choose = choose;
  network.on("click", function (params) {
    if (params.nodes.length) { choose(params.nodes[0]); return; }
    if (params.edges.length) { var e = edgeById[params.edges[0]]; if (e) show(edgeDetails(e)); return; }
    clearHighlight();
    Object.keys(pinned).forEach(function (k) { if (k !== data.focus) delete pinned[k]; });
    network.redraw();
  });

  // --- search --------------------------------------------------------------------------------
  function fold(text) { return String(text).toLowerCase().normalize("NFKC").replace(/ё/g, "е"); }
  var index = data.nodes.map(function (n) {
    var names = LANGS.map(function (l) { return n.labels[l]; }).filter(Boolean).concat(n.aliases, [n.id]);
    return { id: n.id, names: names, folded: names.map(fold) };
  });
  function search(query) {
    var q = fold(query.trim());
    if (!q) return [];
    var found = [];
    index.forEach(function (entry) {
      var best = 9, match = "";
      entry.folded.forEach(function (f, i) {
        var rank = f === q ? 0 : f.indexOf(q) === 0 ? 1 : (" " + f).indexOf(" " + q) >= 0 || f.indexOf("-" + q) >= 0 ? 2 : f.indexOf(q) >= 0 ? 3 : 9;
        if (rank < best) { best = rank; match = entry.names[i]; }
      });
      if (best < 9) found.push({ id: entry.id, rank: best, match: match });
    });
    found.sort(function (a, b) { return (a.rank - b.rank) || (byId[b.id].degree - byId[a.id].degree) || (a.id < b.id ? -1 : 1); });
    return found.slice(0, 12);
  }
  state.search = search;
  var input = document.getElementById("search"), list = document.getElementById("suggestions");
  input.placeholder = say("search");
  var active = -1, current = [];
  function renderSuggestions() {
    list.textContent = "";
    current.forEach(function (s, i) {
      var n = byId[s.id], item = el("li");
      item.setAttribute("role", "option");
      item.dataset.id = s.id;
      if (i === active) item.className = "active";
      item.appendChild(el("span", n.label));
      if (s.match !== n.label) item.appendChild(el("span", s.match, "also"));
      item.appendChild(el("span", className(n.cls), "kind"));
      item.addEventListener("mousedown", function (event) { event.preventDefault(); pick(s.id); });
      list.appendChild(item);
    });
  }
  function pick(id) {
    input.value = byId[id].label;
    current = [];
    active = -1;
    renderSuggestions();
    choose(id);
  }
  input.addEventListener("input", function () {
    current = search(input.value);
    active = current.length ? 0 : -1;
    renderSuggestions();
    if (!current.length && input.value.trim()) list.appendChild(el("li", say("no_match"), "muted"));
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && current.length) { active = (active + 1) % current.length; renderSuggestions(); event.preventDefault(); }
    else if (event.key === "ArrowUp" && current.length) { active = (active - 1 + current.length) % current.length; renderSuggestions(); event.preventDefault(); }
    else if (event.key === "Enter" && current.length) { pick(current[Math.max(active, 0)].id); event.preventDefault(); }
    else if (event.key === "Escape") { current = []; renderSuggestions(); }
  });
  input.addEventListener("blur", function () { setTimeout(function () { current = []; renderSuggestions(); }, 150); });

  // --- buttons -----------------------------------------------------------------------------------
  var fitButton = document.getElementById("fit"), relaxButton = document.getElementById("relax");
  fitButton.textContent = say("fit");
  relaxButton.textContent = say("relax");
  document.getElementById("clear").textContent = say("clear");
  fitButton.addEventListener("click", fitAll);
  document.getElementById("clear").addEventListener("click", function () { clearHighlight(); network.redraw(); });
  relaxButton.addEventListener("click", function () {  // a bounded relaxation, then still again
    relaxButton.disabled = true;
    relaxButton.textContent = say("relaxing");
    network.setOptions({ physics: { enabled: true, stabilization: { enabled: false } } });
    network.stabilize(data.large ? 60 : 150);
  });
  network.on("stabilizationIterationsDone", function () {
    network.setOptions({ physics: { enabled: false } });
    fitAll();
    relaxButton.disabled = false;
    relaxButton.textContent = say("relax");
    state.relaxed = (state.relaxed || 0) + 1;
  });

  // --- export of the current view ------------------------------------------------------------
  function visible() {
    var shown = {};
    nodeView.getIds().forEach(function (id) { shown[id] = true; });
    var positions = network.getPositions(Object.keys(shown));
    return {
      nodes: data.nodes.filter(function (n) { return shown[n.id]; }).map(function (n) {
        return { data: { id: n.id, label: n.label, cls: n.cls, labels: n.labels, degree: n.degree },
                 position: { x: Math.round(positions[n.id].x), y: Math.round(positions[n.id].y) } };
      }),
      edges: edgeView.get().filter(function (e) { return shown[e.from] && shown[e.to]; }).map(function (e) {
        return { data: { id: e.id, source: e.from, target: e.to, predicate: e.predicate } };
      })
    };
  }
  state.viewJson = function () { return JSON.stringify({ elements: visible() }, null, 1); };
  state.viewPng = function () { return container.querySelector("canvas").toDataURL("image/png"); };
  function download(name, url) {
    var link = el("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }
  var pngButton = document.getElementById("save-png"), jsonButton = document.getElementById("save-json");
  pngButton.textContent = say("save_png");
  jsonButton.textContent = say("save_json");
  pngButton.addEventListener("click", function () { download("amurkg-view.png", state.viewPng()); });
  jsonButton.addEventListener("click", function () {
    var url = URL.createObjectURL(new Blob([state.viewJson()], { type: "application/json" }));
    download("amurkg-view.cyjs", url);
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });

  // --- legend ----------------------------------------------------------------------------------
  function shapeIcon(shape, colour) {
    var c = document.createElement("canvas"), s = 16, ctx = c.getContext("2d"), m = s / 2, r = 6;
    c.width = s; c.height = s;
    c.setAttribute("data-shape", shape);
    ctx.fillStyle = colour; ctx.strokeStyle = "#333"; ctx.lineWidth = 1;
    ctx.beginPath();
    function polygon(points) { points.forEach(function (p, i) { if (i) ctx.lineTo(p[0], p[1]); else ctx.moveTo(p[0], p[1]); }); ctx.closePath(); }
    function ring(count, inner, turn) {
      var points = [];
      for (var i = 0; i < count * (inner ? 2 : 1); i++) {
        var radius = inner && i % 2 ? r * inner : r, a = turn + i * Math.PI * 2 / (count * (inner ? 2 : 1));
        points.push([m + radius * Math.cos(a), m + radius * Math.sin(a)]);
      }
      polygon(points);
    }
    if (shape === "dot") ctx.arc(m, m, r, 0, Math.PI * 2);
    else if (shape === "square") ctx.rect(m - r + 1, m - r + 1, 2 * r - 2, 2 * r - 2);
    else if (shape === "diamond") polygon([[m, m - r - 1], [m + r + 1, m], [m, m + r + 1], [m - r - 1, m]]);
    else if (shape === "triangle") polygon([[m, m - r], [m + r, m + r - 1], [m - r, m + r - 1]]);
    else if (shape === "triangleDown") polygon([[m - r, m - r + 1], [m + r, m - r + 1], [m, m + r]]);
    else if (shape === "star") ring(5, 0.45, -Math.PI / 2);
    else if (shape === "hexagon") ring(6, 0, 0);
    else ctx.arc(m, m, r, 0, Math.PI * 2);
    ctx.fill(); ctx.stroke();
    return c;
  }
  function lineIcon(style) {
    var ns = "http://www.w3.org/2000/svg", svg = document.createElementNS(ns, "svg"), line = document.createElementNS(ns, "line");
    svg.setAttribute("width", "26"); svg.setAttribute("height", "10");
    line.setAttribute("x1", "1"); line.setAttribute("y1", "5"); line.setAttribute("x2", "25"); line.setAttribute("y2", "5");
    line.setAttribute("stroke", style.color);
    line.setAttribute("stroke-width", String(Math.max(1.5, style.width)));
    if (style.dashes) line.setAttribute("stroke-dasharray", style.dashes.join(" "));
    svg.appendChild(line);
    return svg;
  }
  function legendEntry(parent, marker, text, count, hidden, key) {
    var label = el("label"), box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-key", key);
    box.addEventListener("change", function () {
      hidden[key] = !box.checked;
      nodeView.refresh();
      edgeView.refresh();
    });
    label.appendChild(box);
    label.appendChild(marker);
    label.appendChild(el("span", text));
    label.appendChild(el("span", count, "count"));
    parent.appendChild(label);
  }
  document.getElementById("classes-title").textContent = say("classes");
  document.getElementById("relations-title").textContent = say("relations");
  document.getElementById("size-explain").textContent = say("size");
  var classLegend = document.getElementById("legend-classes");
  Object.keys(data.classes).forEach(function (cls) {
    var style = data.classes[cls];
    legendEntry(classLegend, shapeIcon(style.shape, style.color), style.name, style.count, hiddenClasses, cls);
  });
  var predicateLegend = document.getElementById("legend-predicates");
  Object.keys(data.predicates).forEach(function (p) {
    var style = data.predicates[p];
    legendEntry(predicateLegend, lineIcon(style), style.name, style.count, hiddenPredicates, p);
  });

  // --- unlinked entities: a list beside the drawing, drawn on request ---------------------------------
  var unlinked = data.nodes.filter(function (n) { return !n.degree && n.id !== data.focus; });
  if (unlinked.length) {
    var box = document.getElementById("unlinked"), more = el("details"), toggle = el("label"), check = el("input");
    more.appendChild(el("summary", say("unlinked", unlinked.length)));
    check.type = "checkbox";
    check.id = "show-unlinked";
    check.addEventListener("change", function () { showUnlinked = check.checked; nodeView.refresh(); fitAll(); });
    toggle.appendChild(check);
    toggle.appendChild(el("span", " " + say("show_unlinked")));
    more.appendChild(toggle);
    var items = el("ul");
    unlinked.slice().sort(function (a, b) { return a.label.localeCompare(b.label); }).forEach(function (n) {
      var item = el("li", n.label + " · " + className(n.cls));
      item.addEventListener("click", function () { choose(n.id); });
      items.appendChild(item);
    });
    more.appendChild(items);
    box.appendChild(more);
  }

  if (data.focus && byId[data.focus]) show(nodeDetails(byId[data.focus]));
  else details.appendChild(el("span", say("hint"), "muted"));
})();{% endraw %}
