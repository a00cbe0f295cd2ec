(function(){
'use strict';
var D = JSON.parse(document.getElementById('gx-data').textContent);
var EN = D.lang === 'en';
var T = EN ? {
 reports:'reports', fail:'fail', revise:'revise', pass:'pass', organ:'Organ', level:'Level', year:'Year',
 pub:'Published / deadline', tpl:'Template', errors:'Errors', warnings:'Warnings', verdict:'Verdict',
 search:'Search organ or file', all:'all', rule:'Rule', shown:'shown', prev:'‹ Previous', next:'Next ›',
 page:'Page', of:'of', back:'‹ Back to the overview', findings:'Findings', text:'Report text', tables:'Tables',
 byRule:'Findings by rule', byLevel:'Verdict by organ level', dates:'Publication dates against the deadline (days after 1 January)', jan1:'1 Jan', jan31:'31 Jan (departments)', mar31:'31 Mar (governments)', ontimeL:'on time',
 late:'late', early:'before', days:'days', noDeadline:'no deadline known', noDate:'no date', accepted:'accepted (baseline)',
 related:'Details', fix:'How to fix', file:'File', line:'line', where:'Where', correct:'What to correct', ids:'Identities', holds:'holds', fails:'does not hold',
 skip:'not checked', none:'No findings.', notables:'No table was read.', cell:'Cell', fixTo:'should probably be',
 skipped:'Files not checked', signature:'signature date', published:'published', sec:'Section', other:'Other',
 infos:'notes', generated:'generated', clickhint:'Click a row to open the report.', nodates:'No report gives a publication or signature date.',
 cmp:'Compared with last year', cmpWith:'last year\'s report', figure:'Figure', lastY:'last year', thisY:'this year', change:'change',
 carried:'Text carried over from last year, by section', copied:'copied (GX705)', tablesOnly:'tables only',
 changedCells:'cells that changed', points:'points', doubt:'read without certainty', chars:'characters'
} : {
 reports:'份报告', fail:'不合格', revise:'需修改', pass:'合格', organ:'机关', level:'层级', year:'年度',
 pub:'发布日期 / 期限', tpl:'格式', errors:'错误', warnings:'警告', verdict:'结论',
 search:'搜索机关或文件名', all:'全部', rule:'规则', shown:'显示', prev:'‹ 上一页', next:'下一页 ›',
 page:'第', of:'页，共', back:'‹ 返回总览', findings:'问题清单', text:'报告正文', tables:'统计表',
 byRule:'各规则发现的问题数', byLevel:'各层级机关的结论', dates:'发布日期与发布期限', jan1:'次年1月1日', jan31:'1月31日（部门）', mar31:'3月31日（政府）', ontimeL:'按期',
 late:'逾期', early:'提前', days:'天', noDeadline:'期限不明', noDate:'无日期', accepted:'已接受（基线）',
 related:'详情', fix:'修改方法', file:'文件', line:'行', where:'位置', correct:'修改要求', ids:'勾稽关系', holds:'成立', fails:'不成立',
 skip:'未核对', none:'没有发现问题。', notables:'未读到统计表。', cell:'单元格', fixTo:'按勾稽关系应为',
 skipped:'未检查的文件', signature:'落款日期', published:'发布时间', sec:'部分', other:'其他',
 infos:'提示', generated:'生成于', clickhint:'点击一行打开该报告。', nodates:'没有报告写明发布或落款日期。',
 cmp:'与上年对比', cmpWith:'上年报告', figure:'指标', lastY:'上年', thisY:'本年', change:'变化',
 carried:'各部分沿用上年的文字', copied:'照抄上年（GX705）', tablesOnly:'只有表格',
 changedCells:'有变化的单元格', points:'个百分点', doubt:'读取不确定', chars:'字'
};
var N = D.names, R = D.reports, FAM = Object.keys(N.families).filter(function(k){return k!=='engine'||R.some(function(r){return r.counts.engine.error+r.counts.engine.warning>0;});});
var PAGE = 50;
var state = {sort:'verdict', dir:1, level:'', rule:'', verdict:'', q:'', page:0};
function el(tag, attrs, kids){
  var e = document.createElement(tag);
  if (attrs) { for (var k in attrs){ if (k==='text') { e.textContent = attrs[k]; } else if (k==='cls') { e.className = attrs[k]; } else if (k.slice(0,2)==='on') { e.addEventListener(k.slice(2), attrs[k]); } else { e.setAttribute(k, attrs[k]); } } }
  if (kids) { kids.forEach(function(c){ if (c!=null) { e.appendChild(typeof c==='string'? document.createTextNode(c): c); } }); }
  return e;
}
var SVGNS = 'http://www.w3.org/2000/svg';
function sv(tag, attrs, txt){ var e = document.createElementNS(SVGNS, tag); for (var k in attrs) { e.setAttribute(k, attrs[k]); } if (txt!=null) { e.textContent = txt; } return e; }
function lk(r){ return r.level == null ? 'None' : String(r.level); }
function tk(r){ return r.template == null ? 'None' : String(r.template); }
function organ(r){ return r.organ || ('(' + r.file + ')'); }
function vchip(v){ return el('span',{cls:'chip v-'+v, text:N.verdicts[v]}); }
var VORD = {fail:0, unreadable:1, revise:2, pass:3};
var VERDICTS = ['fail','unreadable','revise','pass'];
function dateCell(r){
  if (!r.published) { return el('span',{cls:'muted', text:T.noDate + (r.deadline? ' / '+r.deadline:'')}); }
  var s = r.published + (r.deadline? ' / ' + r.deadline : '');
  if (r.days_late == null) { return el('span',{text:s, title:T.noDeadline}); }
  var late = r.days_late > 0;
  return el('span',{}, [el('span',{text:s}), ' ', el('span',{cls: late?'late':'ontime', text: late? (T.late+' '+r.days_late+' '+T.days) : '✓'})]);
}
/* ---------- summary ---------- */
function summary(){
  var c = {fail:0, unreadable:0, revise:0, pass:0};
  R.forEach(function(r){ c[r.verdict]++; });
  var s = document.getElementById('summary'), kids = [el('b',{text:String(R.length)}),' '+T.reports+'　'];
  VERDICTS.forEach(function(v){ if (v !== 'unreadable' || c[v]) { kids.push(vchip(v), ' '+c[v]+'　'); } });
  kids.push(el('span',{cls:'', text:T.generated+' '+D.generated}));
  s.appendChild(el('span',{},kids));
}
/* ---------- charts ---------- */
function chartBox(title, svg){ var b = el('div',{cls:'chart'},[el('h3',{text:title})]); b.appendChild(svg); return b; }
function chartRules(){
  var cnt = {};
  R.forEach(function(r){ Object.keys(r.fc).forEach(function(code){ var x = r.fc[code], c = cnt[code] || (cnt[code]={e:0,w:0,i:0}); c.e += x[0]; c.w += x[1]; c.i += x[2]; }); });
  var codes = Object.keys(cnt).sort(function(a,b){ var x=cnt[a],y=cnt[b]; return (y.e+y.w+y.i)-(x.e+x.w+x.i) || (a<b?-1:1); }).slice(0, 18);
  var W = 460, bh = 15, H = Math.max(40, codes.length*(bh+4)+24), left = 190;
  var max = 1; codes.forEach(function(c){ var t = cnt[c].e+cnt[c].w+cnt[c].i; if (t>max) { max=t; } });
  var s = sv('svg',{viewBox:'0 0 '+W+' '+H, role:'img', id:'chart-rules'});
  codes.forEach(function(c, i){
    var y = 4 + i*(bh+4), x = left, k = cnt[c];
    var nm = (D.rules[c]||{}).title || '';
    var lab = sv('text',{x:left-6, y:y+bh-3, 'text-anchor':'end'}, c+' '+ (nm.length>12? nm.slice(0,11)+'…': nm));
    s.appendChild(lab);
    var g = sv('g',{'class':'bar', 'data-rule':c});
    [['e','#c62828'],['w','#e0a100'],['i','#5b9bd5']].forEach(function(p){
      var w = (W-left-40) * k[p[0]] / max; if (w<=0) { return; }
      g.appendChild(sv('rect',{x:x, y:y, width:w, height:bh, fill:p[1]})); x += w; });
    g.appendChild(sv('title',{}, c+' '+nm+': '+(k.e+k.w+k.i)));
    g.addEventListener('click', function(){ state.rule = c; state.page = 0; syncControls(); drawTable(); });
    s.appendChild(g);
    s.appendChild(sv('text',{x:x+4, y:y+bh-3}, String(k.e+k.w+k.i)));
  });
  if (!codes.length) { s.appendChild(sv('text',{x:10,y:24}, T.none)); }
  return chartBox(T.byRule, s);
}
function chartLevels(){
  var levels = ['department','government','township','None'], cnt = {};
  levels.forEach(function(l){ cnt[l] = {fail:0, unreadable:0, revise:0, pass:0}; });
  R.forEach(function(r){ cnt[lk(r)][r.verdict]++; });
  function tot(c){ return c.fail+c.unreadable+c.revise+c.pass; }
  levels = levels.filter(function(l){ return tot(cnt[l])>0; });
  var shown = VERDICTS.filter(function(v){ return v !== 'unreadable' || R.some(function(r){ return r.verdict === v; }); });
  var W = 460, bh = 22, left = 90, H = levels.length*(bh+10)+30, max = 1;
  levels.forEach(function(l){ max = Math.max(max, tot(cnt[l])); });
  var s = sv('svg',{viewBox:'0 0 '+W+' '+H, role:'img', id:'chart-levels'});
  var colors = {fail:'#c62828', unreadable:'#8a94a6', revise:'#e0a100', pass:'#2e7d32'};
  levels.forEach(function(l, i){
    var y = 4 + i*(bh+10), x = left;
    s.appendChild(sv('text',{x:left-6, y:y+bh-7, 'text-anchor':'end'}, N.levels[l]));
    shown.forEach(function(v){
      var n = cnt[l][v]; if (!n) { return; } var w = (W-left-20)*n/max;
      var g = sv('g',{'class':'bar'});
      g.appendChild(sv('rect',{x:x, y:y, width:w, height:bh, fill:colors[v]}));
      if (w > 18) { g.appendChild(sv('text',{x:x+w/2, y:y+bh-7, 'text-anchor':'middle', fill:'#fff', style:'fill:#fff'}, String(n))); }
      g.appendChild(sv('title',{}, N.levels[l]+' · '+N.verdicts[v]+': '+n));
      g.addEventListener('click', function(){ state.level = l; state.verdict = v; state.page = 0; syncControls(); drawTable(); });
      s.appendChild(g); x += w; });
  });
  var lx = left, ly = H-8;
  shown.forEach(function(v){ s.appendChild(sv('rect',{x:lx, y:ly-9, width:10, height:10, fill:colors[v]})); s.appendChild(sv('text',{x:lx+14, y:ly}, N.verdicts[v])); lx += (EN ? 9 : 14) * N.verdicts[v].length + 30; });
  return chartBox(T.byLevel, s);
}
function chartDates(){
  var pts = R.filter(function(r){ return r.pub_day != null; });
  var W = 460, H = 170, s = sv('svg',{viewBox:'0 0 '+W+' '+H, role:'img', id:'chart-dates'});
  if (!pts.length){ s.appendChild(sv('text',{x:10, y:24}, T.nodates)); return chartBox(T.dates, s); }
  var lo = -30, hi = 120;
  pts.forEach(function(r){ lo = Math.min(lo, r.pub_day); hi = Math.max(hi, r.pub_day); });
  lo = Math.max(lo, -120); hi = Math.min(hi, 400);
  var X = function(d){ d = Math.max(lo, Math.min(hi, d)); return 20 + (W-130)*(d-lo)/(hi-lo); };
  var base = H-40;
  s.appendChild(sv('line',{x1:20, y1:base, x2:W-20, y2:base, stroke:'#999'}));
  [[0, T.jan1],[30, T.jan31],[89, T.mar31]].forEach(function(m, i){
    if (m[0] < lo || m[0] > hi) { return; }
    s.appendChild(sv('line',{x1:X(m[0]), y1:8, x2:X(m[0]), y2:base+4, stroke: i? '#c62828':'#999', 'stroke-dasharray':'4 3'}));
    s.appendChild(sv('text',{x:X(m[0])+3, y:i===1? 28 : 14}, m[1])); });
  var stack = {};
  pts.forEach(function(r){
    var x = Math.round(X(r.pub_day)/6)*6, k = stack[x] = (stack[x]||0)+1;
    var y = base-6 - ((k-1) % 16)*7;
    var col = r.days_late == null ? '#8a94a6' : r.days_late > 0 ? '#c62828' : '#2e7d32';
    var c = sv('circle',{cx:x, cy:y, r:3.2, fill:col, 'class':'bar dot'});
    c.appendChild(sv('title',{}, organ(r)+'：'+r.published+(r.deadline? ' / '+r.deadline+'（'+(r.days_late>0? T.late+' '+r.days_late+' '+T.days : '✓')+'）' : '（'+T.noDeadline+'）')));
    c.addEventListener('click', function(){ location.hash = '#r=' + r.index; });
    s.appendChild(c); });
  var lx = 20, ly = H-6;
  [['#2e7d32',T.ontimeL],['#c62828',T.late],['#8a94a6',T.noDeadline]].forEach(function(p){ s.appendChild(sv('circle',{cx:lx+4, cy:ly-4, r:4, fill:p[0]})); s.appendChild(sv('text',{x:lx+12, y:ly}, p[1])); lx += 110; });
  return chartBox(T.dates, s);
}
/* ---------- overview table ---------- */
var COLS = [
 {k:'organ', t:T.organ, v:function(r){ return organ(r); }},
 {k:'level', t:T.level, v:function(r){ return N.levels[lk(r)]; }},
 {k:'year', t:T.year, v:function(r){ return r.year==null? -1 : r.year; }},
 {k:'pub', t:T.pub, v:function(r){ return r.days_late==null? -99999 : r.days_late; }},
 {k:'template', t:T.tpl, v:function(r){ return N.templates[tk(r)] || tk(r); }}
].concat(FAM.map(function(f){ return {k:'fam-'+f, t:N.families[f], fam:f, v:function(r){ var c = r.counts[f]; return c.error*1000+c.warning; }}; }))
 .concat([{k:'errors', t:T.errors, v:function(r){ return r.errors; }},
          {k:'warnings', t:T.warnings, v:function(r){ return r.warnings; }},
          {k:'verdict', t:T.verdict, v:function(r){ return VORD[r.verdict]*1e6 - r.errors*1000 - r.warnings; }}]);
function filtered(){
  var q = state.q.trim().toLowerCase();
  var out = R.filter(function(r){
    if (state.level && lk(r) !== state.level) { return false; }
    if (state.verdict && r.verdict !== state.verdict) { return false; }
    if (state.rule && r.rules.indexOf(state.rule) < 0) { return false; }
    if (q && (organ(r)+' '+r.path+' '+(r.title||'')).toLowerCase().indexOf(q) < 0) { return false; }
    return true; });
  var col = COLS.filter(function(c){ return c.k === state.sort; })[0] || COLS[COLS.length-1];
  out.sort(function(a, b){ var x = col.v(a), y = col.v(b);
    var c = (typeof x === 'number' && typeof y === 'number') ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    return c * state.dir || a.index - b.index; });
  return out;
}
function sel(id, label, opts, key){
  var s = el('select',{id:id, 'aria-label':label});
  opts.forEach(function(o){ s.appendChild(el('option',{value:o[0], text:o[1]})); });
  s.addEventListener('change', function(){ state[key] = s.value; state.page = 0; drawTable(); });
  return el('label',{},[label+' ', s]);
}
function controls(){
  var c = document.getElementById('controls');
  var q = el('input',{type:'search', id:'q', placeholder:T.search, 'aria-label':T.search});
  q.addEventListener('input', function(){ state.q = q.value; state.page = 0; drawTable(); });
  var levels = [['',T.all]]; ['department','government','township','None'].forEach(function(l){ if (R.some(function(r){return lk(r)===l;})) { levels.push([l, N.levels[l]]); } });
  var rules = [['',T.all]]; Object.keys(D.rules).sort().forEach(function(k){ rules.push([k, k+' '+D.rules[k].title]); });
  var verdicts = [['',T.all]].concat(VERDICTS.filter(function(v){ return v !== 'unreadable' || R.some(function(r){ return r.verdict === v; }); })
                                             .map(function(v){ return [v, N.verdicts[v]]; }));
  c.appendChild(q);
  c.appendChild(sel('f-level', T.level, levels, 'level'));
  c.appendChild(sel('f-rule', T.rule, rules, 'rule'));
  c.appendChild(sel('f-verdict', T.verdict, verdicts, 'verdict'));
  c.appendChild(el('span',{id:'count'}));
}
function syncControls(){
  document.getElementById('f-level').value = state.level;
  document.getElementById('f-rule').value = state.rule;
  document.getElementById('f-verdict').value = state.verdict;
}
function drawTable(){
  var rows = filtered(), pages = Math.max(1, Math.ceil(rows.length / PAGE));
  if (state.page >= pages) { state.page = pages - 1; }
  var t = el('table',{cls:'ov', id:'ov'}), tr = el('tr');
  COLS.forEach(function(c){
    var th = el('th',{'data-k':c.k, text:c.t, title:c.t});
    if (state.sort === c.k) { th.setAttribute('aria-sort', state.dir > 0 ? 'ascending' : 'descending'); }
    th.addEventListener('click', function(){ if (state.sort === c.k) { state.dir = -state.dir; } else { state.sort = c.k; state.dir = 1; } drawTable(); });
    tr.appendChild(th); });
  t.appendChild(el('thead',{},[tr]));
  var tb = el('tbody');
  rows.slice(state.page*PAGE, (state.page+1)*PAGE).forEach(function(r){
    var row = el('tr',{'data-index':String(r.index), 'data-verdict':r.verdict, 'data-level':lk(r)});
    row.appendChild(el('td',{},[el('div',{text:organ(r)}), el('div',{cls:'file', text:r.path})]));
    row.appendChild(el('td',{text:N.levels[lk(r)]}));
    row.appendChild(el('td',{cls:'n', text:r.year==null?'—':String(r.year)}));
    row.appendChild(el('td',{},[dateCell(r)]));
    row.appendChild(el('td',{text:N.templates[tk(r)] || tk(r)}));
    FAM.forEach(function(f){ var c = r.counts[f], td = el('td',{cls:'fam', 'data-fam':f});
      if (!c.error && !c.warning) { td.appendChild(el('span',{cls:'z', text:'·'})); }
      else { if (c.error) { td.appendChild(el('span',{cls:'e', text:String(c.error)})); } if (c.error && c.warning) { td.appendChild(document.createTextNode(' / ')); } if (c.warning) { td.appendChild(el('span',{cls:'w', text:String(c.warning)})); } }
      row.appendChild(td); });
    row.appendChild(el('td',{cls:'n e', 'data-k':'errors', text:String(r.errors)}));
    row.appendChild(el('td',{cls:'n w', 'data-k':'warnings', text:String(r.warnings)}));
    row.appendChild(el('td',{},[vchip(r.verdict)].concat(r.accepted? [' ', el('span',{cls:'muted', title:T.accepted, text:'+'+r.accepted})] : [])));
    row.addEventListener('click', function(){ location.hash = '#r=' + r.index; });
    tb.appendChild(row); });
  t.appendChild(tb);
  var w = document.getElementById('tablewrap'); w.textContent = ''; w.appendChild(t);
  document.getElementById('count').textContent = T.shown + ' ' + rows.length + ' / ' + R.length + '　' + T.clickhint;
  var p = document.getElementById('pager'); p.textContent = '';
  var prev = el('button',{id:'prev', text:T.prev}), next = el('button',{id:'next', text:T.next});
  prev.disabled = state.page === 0; next.disabled = state.page >= pages - 1;
  prev.addEventListener('click', function(){ state.page--; drawTable(); });
  next.addEventListener('click', function(){ state.page++; drawTable(); });
  p.appendChild(prev);
  p.appendChild(el('span',{id:'pageinfo', text: EN ? (T.page+' '+(state.page+1)+' '+T.of+' '+pages) : (T.page+' '+(state.page+1)+' '+T.of+' '+pages+' 页')}));
  p.appendChild(next);
}
/* ---------- one report ---------- */
var pop = document.getElementById('pop');
pop.className = 'pop';
function hidePop(){ pop.hidden = true; }
function showPop(target, kids){
  pop.textContent = '';
  var x = el('button',{cls:'x', 'aria-label':'close', text:'×'}); x.addEventListener('click', hidePop);
  pop.appendChild(x); kids.forEach(function(k){ pop.appendChild(k); });
  pop.hidden = false;
  var b = target.getBoundingClientRect();
  var left = Math.min(window.scrollX + b.left, window.scrollX + document.documentElement.clientWidth - 540);
  pop.style.left = Math.max(8, left) + 'px'; pop.style.top = (window.scrollY + b.bottom + 6) + 'px';
}
document.addEventListener('keydown', function(e){ if (e.key === 'Escape') { hidePop(); } });
document.addEventListener('click', function(e){ if (!pop.hidden && !pop.contains(e.target) && !(e.target.closest && e.target.closest('mark,td.c,.fi'))) { hidePop(); } });
function sevClass(f){ return f.accepted ? 'acc' : f.severity; }
function identsFor(r, f){
  var out = [];
  r.tables.forEach(function(t){ t.identities.forEach(function(id){
    if (id.state !== 'fail') { return; }
    var hit = [id.target, id.culprit].some(function(at){ if (!at) { return false; } var c = t.rows[at[0]].cells[at[1]];
      return c && ((c.start >= f.start && c.start < Math.max(f.end, f.start+1)) || (f.start >= c.start && f.start < c.end)); });
    if (hit) { out.push([t, id]); } }); });
  return out;
}
function findingBody(r, f){
  var kids = [el('h4',{},[el('span',{cls:'sev '+sevClass(f)}), f.code+' '+((D.rules[f.code]||{}).title||f.name)+' · '+N.severities[f.severity] + (f.accepted? ' · '+T.accepted : '')]),
              el('div',{text:f.message})];
  var ids = identsFor(r, f);
  if (ids.length){ var ul = el('ul',{cls:'ids'}); ids.forEach(function(p){ ul.appendChild(el('li',{cls:'fail'},[p[1].where+'：'+p[1].label+' ', el('code',{text:p[1].text})])); }); kids.push(ul); }
  if (f.related.length){ var ul2 = el('ul'); f.related.forEach(function(x){ ul2.appendChild(el('li',{text:x.message + (x.line? '（'+T.line+' '+x.line+'）':'')})); }); kids.push(ul2); }
  if (f.fix) { kids.push(el('div',{cls:'muted', text:T.fix+'：'+f.fix})); }
  if (f.reason) { kids.push(el('div',{cls:'muted', text:T.accepted+'：'+f.reason})); }
  kids.push(el('div',{cls:'muted', text:T.where+'：'+f.where}));
  if (f.correction) { kids.push(el('div',{cls:'muted', text:T.correct+'：'+f.correction})); }
  return kids;
}
function openFinding(r, i, scroll){
  var m = document.getElementById('m-' + i) || document.querySelector('mark[data-f~="' + i + '"]');
  document.querySelectorAll('.fi.active').forEach(function(b){ b.classList.remove('active'); });
  var b = document.getElementById('fi-' + i); if (b) { b.classList.add('active'); }
  if (!m) { return; }
  if (scroll) { m.scrollIntoView({block:'center'}); }
  m.classList.remove('flash'); void m.offsetWidth; m.classList.add('flash');
  showPop(m, findingBody(r, r.findings[i]));
}
function culpritText(t, id){ var c = id.culprit; return '“'+t.rows[c[0]].label+'”'+t.columns[c[1]]+' '+T.fixTo+' '+id.fix; }
function cellPop(t, cell, td, r){
  var kids = [el('h4',{text:t.title+' · '+td.getAttribute('data-row')+' · '+td.getAttribute('data-col')+' = '+cell.raw})];
  var ul = el('ul',{cls:'ids'});
  cell.idents.forEach(function(k){ var id = t.identities[k];
    var st = id.state === 'ok' ? T.holds : id.state === 'fail' ? T.fails : T.skip + (id.skipped? '：'+id.skipped : '');
    ul.appendChild(el('li',{cls:id.state},[(id.state==='ok'?'✓ ':id.state==='fail'?'✗ ':'· ')+id.where+'：'+id.label+' ', el('code',{text:id.text}), ' — '+st]));
    if (id.fix && id.state==='fail' && id.culprit) { ul.appendChild(el('li',{text:culpritText(t, id)})); } });
  kids.push(ul);
  r.findings.forEach(function(f){ if (f.start <= cell.start && cell.end <= f.end && f.end - f.start < 4000) { kids.push(el('div',{},[el('span',{cls:'sev '+sevClass(f)}), f.code+' '+f.message])); } });
  showPop(td, kids);
}
function drawTables(r){
  var p = el('div',{cls:'panel', id:'tables'},[el('h3',{text:T.tables})]), body = el('div',{cls:'body'});
  if (!r.tables.length) { body.appendChild(el('div',{cls:'empty', text:T.notables})); }
  r.tables.forEach(function(t){
    body.appendChild(el('h4',{text:t.title}));
    var tab = el('table',{cls:'gt', 'data-kind':t.kind}), hr = el('tr',{},[el('th')]);
    t.columns.forEach(function(c){ hr.appendChild(el('th',{text:c})); });
    tab.appendChild(el('thead',{},[hr])); var tb = el('tbody');
    t.rows.forEach(function(row){
      var tr = el('tr',{cls: row.unreadable? 'unread':''},[el('td',{cls:'l', text:row.label, title:row.written||''})]);
      row.cells.forEach(function(cell, ci){
        if (!cell){ tr.appendChild(el('td')); return; }
        var td = el('td',{cls:'c'+(cell.state? ' '+cell.state : ''), 'data-row':row.label, 'data-col':t.columns[ci], text:cell.raw===''?'　':cell.raw});
        td.addEventListener('click', function(){ cellPop(t, cell, td, r); });
        tr.appendChild(td); });
      tb.appendChild(tr); });
    tab.appendChild(tb); body.appendChild(tab);
    var bad = t.identities.filter(function(id){ return id.state === 'fail'; });
    if (bad.length){ var ul = el('ul',{cls:'ids'});
      bad.forEach(function(id){ ul.appendChild(el('li',{cls:'fail'},['✗ '+id.where+'：'+id.label+'　', el('code',{text:id.text})].concat(id.fix && id.culprit? ['　→ '+culpritText(t, id)]:[]))); });
      body.appendChild(ul); }
  });
  p.appendChild(body); return p;
}
function fnum(v, unit){ if (v == null) { return '—'; } if (unit === '%') { return v.toFixed(1) + '%'; } return String(Math.round(v * 10000) / 10000); }
function fchange(o, n, unit){
  if (o == null || n == null) { return '—'; }
  var d = n - o;
  if (unit === '%') { return (d >= 0 ? '+' : '') + d.toFixed(1) + ' ' + T.points; }
  var s = (d > 0 ? '+' : d < 0 ? '−' : '') + fnum(Math.abs(d));
  if (d && o) { s += '（' + (d / o * 100 >= 0 ? '+' : '') + (d / o * 100).toFixed(1) + '%）'; }
  return s;
}
function drawCompare(r){
  var c = r.compare; if (!c) { return null; }
  var p = el('div',{cls:'panel', id:'compare'},[el('h3',{text:T.cmp + '（' + (c.prev_year == null ? '?' : c.prev_year) + ' → ' + (r.year == null ? '?' : r.year) + '）'})]);
  var body = el('div',{cls:'body'});
  body.appendChild(el('div',{cls:'muted', text:T.cmpWith + '：' + c.prev_path}));
  body.appendChild(el('p',{cls:'cmp-summary', text: EN ? c.summary_en : c.summary}));
  var t = el('table',{cls:'gt cmpfig'});
  t.appendChild(el('thead',{},[el('tr',{},[el('th',{text:T.figure}), el('th',{text:T.lastY}), el('th',{text:T.thisY}), el('th',{text:T.change})])]));
  var tb = el('tbody');
  c.figures.forEach(function(f){
    var tr = el('tr',{'data-id':f.id, cls: f.certain ? '' : 'unread', title: f.certain ? '' : T.doubt},
      [el('td',{cls:'l', text: EN ? f.label_en : f.label}), el('td',{cls:'c', text:fnum(f.old, f.unit)}),
       el('td',{cls:'c', text:fnum(f.new, f.unit)}), el('td',{cls:'c' + (f.change ? ' part' : ''), text:fchange(f.old, f.new, f.unit)})]);
    tb.appendChild(tr); });
  t.appendChild(tb); body.appendChild(t);
  body.appendChild(el('h4',{text:T.carried}));
  var ul = el('ul',{cls:'ids cmpsec'});
  c.sections.forEach(function(s){
    var what = s.share == null ? T.tablesOnly : (s.share * 100).toFixed(1) + '%';
    var li = el('li',{'data-section':String(s.index), cls: s.copied ? 'fail' : ''}, [s.title + '：' + what + (s.copied ? '　' + T.copied : '')]);
    if (s.passages.length){ var sub = el('ul'); s.passages.slice(0, 3).forEach(function(x){ sub.appendChild(el('li',{cls:'muted', text:'“' + x.text + '”（' + x.chars + ' ' + T.chars + '）'})); }); li.appendChild(sub); }
    ul.appendChild(li); });
  body.appendChild(ul);
  if (c.changed_count){
    var det = el('details',{},[el('summary',{text:T.changedCells + '（' + c.changed_count + ' / ' + c.cells + '）'})]);
    var ct = el('table',{cls:'gt cmpcells'}), cb = el('tbody');
    c.changed.forEach(function(x){ cb.appendChild(el('tr',{},[el('td',{cls:'l', text:({t2:'表二',t3:'表三',t4:'表四'})[x.table] + ' ' + (x.table === 't4' ? '' : x.row_label)}),
      el('td',{text:x.column_label}), el('td',{cls:'c', text:fnum(x.old)}), el('td',{cls:'c', text:fnum(x.new)}), el('td',{cls:'c part', text:fchange(x.old, x.new)})])); });
    ct.appendChild(cb); det.appendChild(ct); body.appendChild(det);
  }
  p.appendChild(body); return p;
}
function drawText(r){
  var p = el('div',{cls:'panel', id:'text'},[el('h3',{text:T.text})]), pre = el('pre',{cls:'doc'});
  var first = {};
  (r.segments || []).forEach(function(sg){
    var txt = sg[0], fs = sg[1];
    if (!fs.length){ pre.appendChild(document.createTextNode(txt)); return; }
    var top = fs.slice().sort(function(a, b){ var x = r.findings[a], y = r.findings[b];
      var rank = function(f){ return f.accepted ? 9 : ({error:0, warning:1}[f.severity] ?? 2); }; return rank(x) - rank(y); });
    var f0 = r.findings[top[0]];
    var m = el('mark',{cls: sevClass(f0) + (txt ? '' : ' pt'), 'data-f': fs.join(' '),
                       title: fs.map(function(i){ return r.findings[i].code+' '+r.findings[i].message; }).join('\n')});
    if (txt) { m.textContent = txt; }
    fs.forEach(function(i){ if (!(i in first)){ first[i] = true; if (!m.id) { m.id = 'm-' + i; } } });
    m.addEventListener('click', function(ev){ ev.stopPropagation(); var kids = [];
      top.forEach(function(i, k){ if (k) { kids.push(el('hr')); } kids = kids.concat(findingBody(r, r.findings[i])); });
      showPop(m, kids); });
    pre.appendChild(m); });
  p.appendChild(el('div',{cls:'body'},[pre])); return p;
}
function drawFindings(r){
  var box = el('div',{cls:'flist', id:'findings'},[el('h3',{text:T.findings+'（'+r.findings.length+'）'})]);
  if (!r.findings.length) { box.appendChild(el('div',{cls:'empty', text:T.none})); }
  var groups = {};
  r.findings.forEach(function(f, i){ var k = f.section == null ? 'x' : String(f.section); (groups[k] = groups[k] || []).push(i); });
  Object.keys(groups).sort().forEach(function(k){
    box.appendChild(el('h4',{text: k === 'x' ? N.other_section : (r.sections[k] || (T.sec+' '+k))}));
    groups[k].forEach(function(i){ var f = r.findings[i];
      var b = el('button',{cls:'fi'+(f.accepted?' acc':''), id:'fi-'+i, 'data-code':f.code},
        [el('span',{cls:'sev '+sevClass(f)}), el('span',{cls:'code', text:f.code+' · '+f.where}), el('div',{text:f.message})]);
      b.addEventListener('click', function(ev){ ev.stopPropagation(); openFinding(r, i, true); });
      box.appendChild(b); }); });
  return box;
}
var DETAIL = {}, opening = 0;
function unpack(k){
  if (DETAIL[k]) { return Promise.resolve(DETAIL[k]); }
  var bin = atob(D.details[k]), bytes = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text().then(function(t){ return (DETAIL[k] = JSON.parse(t)); });
}
function openReport(k){
  var r = R[k]; if (!r) { return showOverview(); }
  var ticket = ++opening;
  unpack(k).then(function(det){ if (ticket === opening && /^#r=/.test(location.hash)) { drawReport(Object.assign(r, det)); } })
    .catch(function(e){ console.warn(e); var d = document.getElementById('detail'); d.textContent = String(e); d.hidden = false; });
}
function drawReport(r){
  hidePop();
  var d = document.getElementById('detail'); d.textContent = '';
  var back = el('button',{cls:'back', id:'back', text:T.back}); back.addEventListener('click', function(){ location.hash = ''; });
  d.appendChild(el('div',{cls:'bar'},[back, el('h2',{text:organ(r)}), vchip(r.verdict)]));
  var pubWhat = r.published_from === 'published' ? T.published : T.signature;
  d.appendChild(el('div',{cls:'facts'},[
    el('span',{},[el('b',{text:T.file}), r.path]), el('span',{},[el('b',{text:T.level}), N.levels[lk(r)]]),
    el('span',{},[el('b',{text:T.year}), r.year==null?'—':String(r.year)]), el('span',{},[el('b',{text:T.tpl}), N.templates[tk(r)]||tk(r)]),
    el('span',{},[el('b',{text:T.pub}), r.published? pubWhat+' ':'' , dateCell(r)]),
    el('span',{},[el('b',{text:T.errors}), String(r.errors)]), el('span',{},[el('b',{text:T.warnings}), String(r.warnings)]),
    el('span',{},[el('b',{text:T.infos}), String(r.infos)])].concat(r.accepted? [el('span',{},[el('b',{text:T.accepted}), String(r.accepted)])] : [])));
  var main = el('div',{},[drawCompare(r), drawTables(r), drawText(r)]);
  d.appendChild(el('div',{cls:'cols'},[drawFindings(r), main]));
  document.getElementById('overview').hidden = true; d.hidden = false; window.scrollTo(0, 0);
}
function showOverview(){ hidePop(); document.getElementById('detail').hidden = true; document.getElementById('overview').hidden = false; }
function route(){ var m = /^#r=(\d+)$/.exec(location.hash); if (m) { openReport(+m[1]); } else { showOverview(); } }
/* ---------- start ---------- */
summary();
var ch = document.getElementById('charts');
ch.appendChild(chartRules()); ch.appendChild(chartLevels()); ch.appendChild(chartDates());
controls(); drawTable();
if (D.skipped.length){ var sk = document.getElementById('skipped'); sk.appendChild(el('div',{text:T.skipped+'（'+D.skipped.length+'）：'}));
  D.skipped.forEach(function(s){ sk.appendChild(el('div',{text:s[0]+' — '+s[1]})); }); }
window.addEventListener('hashchange', route); route();
document.body.setAttribute('data-ready', '1');
})();
