(function(){
'use strict';
var marks = document.querySelectorAll('mark.copy');
function group(m){ return (m.getAttribute('data-p') || '').split(' '); }
function light(m, on){
  var ids = group(m);
  marks.forEach(function(x){ if (group(x).some(function(i){ return ids.indexOf(i) >= 0; })) { x.classList.toggle('hl', on); } });
}
marks.forEach(function(m){
  m.addEventListener('mouseenter', function(){ light(m, true); });
  m.addEventListener('mouseleave', function(){ light(m, false); });
  m.addEventListener('click', function(){
    var side = m.closest('.col'), other = side && side.parentNode.querySelector('.col:not(.' + (side.classList.contains('old') ? 'old' : 'new') + ')');
    if (!other) { return; }
    var ids = group(m), t = Array.prototype.find.call(other.querySelectorAll('mark.copy'), function(x){ return group(x).some(function(i){ return ids.indexOf(i) >= 0; }); });
    if (t) { t.scrollIntoView({block:'nearest'}); }
  });
});
document.body.setAttribute('data-ready', '1');
})();
