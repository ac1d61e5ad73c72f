/**
 * The review page's script (inline, plain ES2020, no template literals). Builds the
 * text with DOM nodes and textContent only, so document text is never parsed as HTML.
 */
export const CLIENT_SCRIPT = String.raw`
'use strict';
(function () {
  var DATA = JSON.parse(document.getElementById('data').textContent);
  var $ = function (id) { return document.getElementById(id); };
  var docIndex = 0, current = -1, marks = [];
  var decisions = DATA.docs.map(function () { return new Map(); });
  var history = [];
  var filt = { rule: '', kind: '', min: 0, max: 1 };
  if (DATA.filter && DATA.filter.rules && DATA.filter.rules.length === 1) filt.rule = DATA.filter.rules[0];
  if (DATA.filter && DATA.filter.kinds && DATA.filter.kinds.length === 1) filt.kind = DATA.filter.kinds[0];
  if (DATA.filter && DATA.filter.minConfidence != null) filt.min = DATA.filter.minConfidence;
  if (DATA.filter && DATA.filter.maxConfidence != null) filt.max = DATA.filter.maxConfidence;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function doc() { return DATA.docs[docIndex]; }
  function ruleMatch(rule, r) {
    return !r || rule === r || rule.split('+').some(function (p) { return p === r || p.indexOf(r + ':') === 0; });
  }
  function passes(c) {
    return ruleMatch(c.rule, filt.rule) && (!filt.kind || c.kind === filt.kind || c.type === filt.kind) &&
      c.confidence >= filt.min && c.confidence <= filt.max;
  }
  function tipText(c) {
    return (c.type === 'suggestion' ? 'suggestion: ' : 'was: ') + JSON.stringify(c.before) + ' → ' + JSON.stringify(c.after) +
      ' · ' + c.rule + ' · ' + c.kind + ' · confidence ' + c.confidence.toFixed(2) + (c.page ? ' · page ' + c.page : '');
  }

  function render() {
    var d = doc(), box = $('text');
    box.textContent = '';
    marks = [];
    var p = el('p'), pos = 0;
    function addText(s) {
      var parts = s.split('\n');
      for (var i = 0; i < parts.length; i++) {
        if (i > 0) { box.appendChild(p); p = el('p'); }
        if (parts[i]) p.appendChild(document.createTextNode(parts[i]));
      }
    }
    d.changes.forEach(function (c, i) {
      if (c.start < pos) return;
      addText(d.text.slice(pos, c.start));
      var m = el('mark', 'chg ' + c.type + (passes(c) ? '' : ' plain'));
      m.dataset.id = c.id;
      m.dataset.index = String(i);
      m.tabIndex = passes(c) ? 0 : -1;
      m.appendChild(el('span', 'was', c.before));
      m.appendChild(el('span', 'shown', d.text.slice(c.start, c.end) || '∅'));
      m.appendChild(el('span', 'tip', tipText(c)));
      m.title = tipText(c);
      m.addEventListener('click', function () { select(marks.indexOf(m)); });
      m.addEventListener('focus', function () { if (marks.indexOf(m) !== current) select(marks.indexOf(m), true); });
      p.appendChild(m);
      marks.push(m);
      pos = c.end;
    });
    addText(d.text.slice(pos));
    box.appendChild(p);
    $('crops-note').textContent = d.cropsNote ? 'Page images: ' + d.cropsNote : '';
    current = -1;
    refresh();
    showDetail();
  }
  function change(m) { return doc().changes[Number(m.dataset.index)]; }
  function visibleMarks() { return marks.filter(function (m) { return !m.classList.contains('plain'); }); }
  function select(i, noFocus) {
    if (i < 0 || i >= marks.length) return;
    if (current >= 0 && marks[current]) marks[current].classList.remove('current');
    current = i;
    marks[i].classList.add('current');
    if (!noFocus) { marks[i].focus({ preventScroll: true }); marks[i].scrollIntoView({ block: 'center' }); }
    showDetail();
  }
  function move(step) {
    var vis = visibleMarks();
    if (!vis.length) return;
    var at = current >= 0 ? vis.indexOf(marks[current]) : -1;
    var next = at < 0 ? (step > 0 ? 0 : vis.length - 1) : Math.min(vis.length - 1, Math.max(0, at + step));
    select(marks.indexOf(vis[next]));
  }
  function showDetail() {
    var box = $('detail');
    box.textContent = '';
    if (current < 0) { box.appendChild(el('p', null, 'Select a highlighted change (click, or press j).')); return; }
    var c = change(marks[current]), dec = decisions[docIndex].get(c.id);
    var pair = el('p', 'pair');
    pair.appendChild(el('span', 'before', c.before || '∅'));
    pair.appendChild(document.createTextNode(' → '));
    pair.appendChild(el('span', 'after', c.after || '∅'));
    box.appendChild(pair);
    box.appendChild(el('p', null, c.type + ' · ' + c.kind + ' · ' + c.rule + ' · confidence ' + c.confidence.toFixed(2) + (c.page ? ' · page ' + c.page : '')));
    if (c.note) box.appendChild(el('p', null, c.note));
    box.appendChild(el('p', 'id', 'id ' + c.id + (dec ? ' · ' + dec + 'ed' : ' · undecided')));
    if (c.crop) { var img = el('img'); img.src = c.crop; img.alt = 'page ' + c.page + ' crop'; box.appendChild(img); }
    else if (c.page) box.appendChild(el('p', 'nocrop', 'No page image: ' + (doc().cropsNote || 'not available')));
  }
  function refresh() {
    var map = decisions[docIndex];
    marks.forEach(function (m) {
      var dec = map.get(m.dataset.id);
      m.classList.toggle('accepted', dec === 'accept');
      m.classList.toggle('rejected', dec === 'reject');
    });
    var a = 0, r = 0, n = 0;
    decisions.forEach(function (mp, k) {
      n += DATA.docs[k].changes.length;
      mp.forEach(function (v) { if (v === 'accept') a++; else r++; });
    });
    $('counter').textContent = a + ' accepted · ' + r + ' rejected · ' + (n - a - r) + ' undecided';
  }
  function decide(value) {
    if (current < 0) return;
    var id = marks[current].dataset.id, map = decisions[docIndex];
    history.push({ doc: docIndex, id: id, prev: map.get(id) });
    map.set(id, value);
    refresh();
    move(1);
    showDetail();
  }
  function undo() {
    var h = history.pop();
    if (!h) return;
    if (h.prev) decisions[h.doc].set(h.id, h.prev); else decisions[h.doc].delete(h.id);
    if (h.doc !== docIndex) { docIndex = h.doc; $('doc-select').value = String(h.doc); render(); }
    refresh();
    var i = marks.findIndex(function (m) { return m.dataset.id === h.id; });
    if (i >= 0) select(i);
  }
  function exportJson() {
    var out = { version: 1, documents: [] };
    DATA.docs.forEach(function (d, k) {
      var list = [];
      d.changes.forEach(function (c) {
        var v = decisions[k].get(c.id);
        if (v) list.push({ id: c.id, decision: v, before: c.before, after: c.after, rule: c.rule, context: c.context });
      });
      if (list.length) out.documents.push({ file: d.file, sha256: d.sha256, decisions: list });
    });
    var json = JSON.stringify(out, null, 2) + '\n';
    $('decisions-json').value = json;
    var a = $('download');
    if (a.href) URL.revokeObjectURL(a.href);
    a.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    a.hidden = false;
    a.click();
    return json;
  }

  DATA.docs.forEach(function (d, k) {
    var o = el('option', null, d.name + ' (' + d.changes.length + ')');
    o.value = String(k);
    $('doc-select').appendChild(o);
  });
  var rules = new Set();
  DATA.docs.forEach(function (d) { d.changes.forEach(function (c) { c.rule.split('+').forEach(function (r) { rules.add(r); rules.add(r.split(':')[0]); }); }); });
  Array.from(rules).sort().forEach(function (r) { $('filter-rule').appendChild(el('option', null, r)); });
  $('filter-rule').value = filt.rule; $('filter-kind').value = filt.kind;
  $('filter-min').value = String(filt.min); $('filter-max').value = String(filt.max);
  $('doc-select').addEventListener('change', function (e) { docIndex = Number(e.target.value); render(); });
  function onFilter() {
    filt = { rule: $('filter-rule').value, kind: $('filter-kind').value, min: Number($('filter-min').value) || 0, max: $('filter-max').value === '' ? 1 : Number($('filter-max').value) };
    render();
  }
  ['filter-rule', 'filter-kind', 'filter-min', 'filter-max'].forEach(function (id) { $(id).addEventListener('change', onFilter); });
  $('accept').addEventListener('click', function () { decide('accept'); });
  $('reject').addEventListener('click', function () { decide('reject'); });
  $('undo').addEventListener('click', undo);
  $('export').addEventListener('click', exportJson);
  document.addEventListener('keydown', function (e) {
    var t = e.target && e.target.tagName;
    if (t === 'INPUT' || t === 'SELECT' || t === 'TEXTAREA' || e.ctrlKey || e.metaKey || e.altKey) return;
    var k = e.key;
    if (k === 'j' || k === 'ArrowDown' || k === 'ArrowRight') move(1);
    else if (k === 'k' || k === 'ArrowUp' || k === 'ArrowLeft') move(-1);
    else if (k === 'a') decide('accept');
    else if (k === 'r') decide('reject');
    else if (k === 'u') undo();
    else return;
    e.preventDefault();
  });
  window.noticeReview = { exportJson: exportJson, select: select };
  render();
})();
`;
