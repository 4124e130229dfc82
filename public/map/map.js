// The map page: draws the neighbourhoods and the public organisations in SVG from the API's GeoJSON.
// No tiles, fonts or libraries: it works offline, served by the API itself.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var svg = document.getElementById('map');
  var select = document.getElementById('domain');
  var card = document.getElementById('card');
  var count = document.getElementById('count');
  var project = null;
  var orgLayer = null;

  function el(name, attrs, parent) {
    var e = document.createElementNS(SVG, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function getJson(url, init) {
    return fetch(url, init).then(function (r) {
      if (!r.ok) throw new Error(url + ' answered ' + r.status);
      return r.json();
    });
  }
  function rings(geometry) {
    return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  }

  // An equirectangular projection around the city's latitude: fine at the scale of a commune.
  function makeProjection(features) {
    var minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    features.forEach(function (f) {
      rings(f.geometry).forEach(function (poly) {
        poly[0].forEach(function (p) {
          minX = Math.min(minX, p[0]);
          maxX = Math.max(maxX, p[0]);
          minY = Math.min(minY, p[1]);
          maxY = Math.max(maxY, p[1]);
        });
      });
    });
    var k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
    var scale = 1000 / Math.max((maxX - minX) * k, maxY - minY);
    var pad = 20;
    svg.setAttribute('viewBox', [-pad, -pad, (maxX - minX) * k * scale + 2 * pad, (maxY - minY) * scale + 2 * pad].join(' '));
    return function (lng, lat) {
      return [(lng - minX) * k * scale, (maxY - lat) * scale];
    };
  }

  function drawNeighbourhoods(fc) {
    project = makeProjection(fc.features);
    var layer = el('g', { id: 'neighbourhoods' }, svg);
    var labels = el('g', { id: 'labels' });
    // Priority ones last, so their outline is on top.
    fc.features
      .slice()
      .sort(function (a, b) {
        return a.properties.isPriority - b.properties.isPriority;
      })
      .forEach(function (f) {
        var d = '';
        rings(f.geometry).forEach(function (poly) {
          poly.forEach(function (ring) {
            d +=
              ring
                .map(function (p, i) {
                  var xy = project(p[0], p[1]);
                  return (i ? 'L' : 'M') + xy[0].toFixed(1) + ' ' + xy[1].toFixed(1);
                })
                .join('') + 'Z';
          });
        });
        var cls = 'hood' + (f.properties.isPriority ? ' priority' : '');
        var path = el('path', { d: d, class: cls, 'data-code': f.properties.code }, layer);
        el('title', {}, path).textContent = f.properties.name + (f.properties.isPriority ? ' (quartier prioritaire)' : '');
        // The name just above the shape, so the points inside stay visible.
        var box = ring0Top(f.geometry);
        var c = project(box[0], box[1]);
        var t = el('text', { x: c[0].toFixed(1), y: (c[1] - 6).toFixed(1), class: 'hood-label' + (f.properties.isPriority ? ' priority' : '') }, labels);
        t.textContent = f.properties.name;
      });
    orgLayer = el('g', { id: 'organisations' }, svg);
    svg.appendChild(labels);
  }
  function ring0Top(geometry) {
    var ring = rings(geometry)[0][0],
      x = 0,
      top = -Infinity,
      n = ring.length - 1;
    for (var i = 0; i < n; i++) {
      x += ring[i][0];
      top = Math.max(top, ring[i][1]);
    }
    return [x / n, top];
  }

  function text(parent, tag, value, cls) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    e.textContent = value;
    parent.appendChild(e);
    return e;
  }
  function showCard(p) {
    card.replaceChildren();
    text(card, 'h2', p.name);
    text(card, 'p', [p.acronym, p.legalForm].filter(Boolean).join(' · '), 'meta');
    if (p.description) text(card, 'p', p.description);
    if (p.domains.length) {
      text(card, 'strong', 'Domaines');
      var ul = document.createElement('ul');
      p.domains.forEach(function (d) {
        text(ul, 'li', d.name);
      });
      card.appendChild(ul);
    }
    if (p.neighbourhoods.length)
      text(
        card,
        'p',
        'Quartiers : ' +
          p.neighbourhoods
            .map(function (n) {
              return n.name;
            })
            .join(', '),
      );
    if (p.address) text(card, 'p', [p.address.street, p.address.postcode, p.address.city].filter(Boolean).join(', '));
    if (p.publicEmail) text(card, 'p', p.publicEmail);
    if (p.publicPhone) text(card, 'p', p.publicPhone);
    if (p.website) text(card, 'p', p.website);
    card.hidden = false;
    card.setAttribute('data-id', p.id);
  }

  function drawOrganisations(fc) {
    orgLayer.replaceChildren();
    fc.features.forEach(function (f) {
      var xy = project(f.geometry.coordinates[0], f.geometry.coordinates[1]);
      var c = el('circle', { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: 5, class: 'org', 'data-id': f.properties.id, tabindex: 0 }, orgLayer);
      el('title', {}, c).textContent = f.properties.name;
      var open = function () {
        var prev = orgLayer.querySelector('.selected');
        if (prev) prev.classList.remove('selected');
        c.classList.add('selected');
        showCard(f.properties);
      };
      c.addEventListener('click', open);
      c.addEventListener('keydown', function (e) {
        if (e.key === 'Enter') open();
      });
    });
    count.textContent = fc.features.length + ' organisation' + (fc.features.length > 1 ? 's' : '');
  }

  function loadOrganisations() {
    document.body.setAttribute('data-state', 'loading');
    var q = select.value ? '?domain=' + encodeURIComponent(select.value) : '';
    return getJson('/api/organisations.geojson' + q).then(function (fc) {
      drawOrganisations(fc);
      document.body.setAttribute('data-state', 'ready');
    });
  }

  function loadDomains() {
    return getJson('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ domains { code name parent { code } } }' }),
    }).then(function (res) {
      (res.data ? res.data.domains : []).forEach(function (d) {
        var o = document.createElement('option');
        o.value = d.code;
        o.textContent = (d.parent ? '\u2003' : '') + d.name;
        select.appendChild(o);
      });
      // Children listed under their parent.
      var opts = Array.prototype.slice.call(select.options, 1);
      var byCode = {};
      res.data.domains.forEach(function (d) {
        byCode[d.code] = d;
      });
      opts
        .sort(function (a, b) {
          var da = byCode[a.value],
            db = byCode[b.value];
          var ka = (da.parent ? byCode[da.parent.code].name + '\u0001' : '') + da.name;
          var kb = (db.parent ? byCode[db.parent.code].name + '\u0001' : '') + db.name;
          return (
            (da.parent ? byCode[da.parent.code].name : da.name).localeCompare(db.parent ? byCode[db.parent.code].name : db.name, 'fr') ||
            ka.localeCompare(kb, 'fr')
          );
        })
        .forEach(function (o) {
          select.appendChild(o);
        });
    });
  }

  select.addEventListener('change', function () {
    card.hidden = true;
    loadOrganisations().catch(fail);
  });
  function fail(err) {
    document.body.setAttribute('data-state', 'error');
    count.textContent = 'Erreur de chargement : ' + err.message;
  }

  Promise.all([getJson('/api/neighbourhoods.geojson'), loadDomains()])
    .then(function (r) {
      drawNeighbourhoods(r[0]);
      return loadOrganisations();
    })
    .catch(fail);
})();
