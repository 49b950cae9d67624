// Small SVG charts drawn from the view: no library, nothing fetched from another host.
"use strict";
const Charts = (() => {
  const W = 640, H = 220, L = 44, R = 10, T = 10, B = 26;
  const esc = s => String(s).replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

  function axes(xMin, xMax, yMax, yFormat, xLabel) {
    const x = v => L + (xMax === xMin ? 0 : (v - xMin) / (xMax - xMin)) * (W - L - R);
    const y = v => H - B - (yMax === 0 ? 0 : v / yMax) * (H - T - B);
    let svg = "";
    for (let i = 0; i <= 4; i++) {
      const v = (yMax * i) / 4;
      svg += `<line x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}" stroke="#2a3440"/>`;
      svg += `<text x="${L - 6}" y="${y(v) + 4}" text-anchor="end">${esc(yFormat(v))}</text>`;
    }
    const span = Math.max(1, xMax - xMin), step = Math.max(1, Math.ceil(span / 8));
    for (let v = Math.ceil(xMin); v <= xMax; v += step) {
      svg += `<text x="${x(v)}" y="${H - 8}" text-anchor="middle">${esc(v)}</text>`;
    }
    svg += `<text x="${W - R}" y="${T + 4}" text-anchor="end">${esc(xLabel)}</text>`;
    return { x, y, svg };
  }

  function legend(items) {
    return `<div class="legend">${items.map(i => `<span><i style="background:${i.color}"></i>${esc(i.name)}</span>`).join("")}</div>`;
  }

  // series: [{ name, color, points: [[x, y]], dash }]; later series draw over earlier ones, so a dashed reference
  // listed first leaves an equal series beneath it visible.
  function line(series, { yMax, yFormat = v => v, xLabel = "" } = {}) {
    const all = series.flatMap(s => s.points);
    if (all.length === 0) return `<p class="muted">No data yet.</p>`;
    const xs = all.map(p => p[0]);
    const max = yMax ?? Math.max(1e-9, ...all.map(p => p[1]));
    const a = axes(Math.min(...xs), Math.max(...xs), max, yFormat, xLabel);
    let svg = a.svg;
    for (const s of series) {
      const pts = s.points.map(p => `${a.x(p[0]).toFixed(1)},${a.y(p[1]).toFixed(1)}`).join(" ");
      svg += `<polyline fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ' stroke-dasharray="6 4"' : ""} points="${pts}"/>`;
      for (const p of s.points) svg += `<circle cx="${a.x(p[0])}" cy="${a.y(p[1])}" r="2.5" fill="${s.color}"><title>${esc(s.name)} ${esc(p[0])}: ${esc(yFormat(p[1]))}</title></circle>`;
    }
    return legend(series) + `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img">${svg}</svg>`;
  }

  // bars: [{ x, parts: [{ value, color, name }], mark: color|null, title }]
  function stacked(bars, { yMax, yFormat = v => v, xLabel = "", legendItems = [] } = {}) {
    if (bars.length === 0) return `<p class="muted">No data yet.</p>`;
    const xs = bars.map(b => b.x);
    const max = yMax ?? Math.max(1e-9, ...bars.map(b => b.parts.reduce((t, p) => t + p.value, 0)));
    const a = axes(Math.min(...xs) - 0.5, Math.max(...xs) + 0.5, max, yFormat, xLabel);
    const width = Math.max(2, (W - L - R) / (bars.length + 1) - 2);
    let svg = a.svg;
    for (const b of bars) {
      const cx = a.x(b.x);
      if (b.mark) svg += `<rect x="${cx - width / 2}" y="${T}" width="${width}" height="${H - T - B}" fill="${b.mark}" opacity="0.35"><title>${esc(b.title)}</title></rect>`;
      let base = 0;
      for (const p of b.parts) {
        if (p.value <= 0) continue;
        const top = a.y(Math.min(max, base + p.value)), bottom = a.y(base);
        svg += `<rect x="${cx - width / 2}" y="${top}" width="${width}" height="${Math.max(0, bottom - top)}" fill="${p.color}"><title>${esc(b.title)}</title></rect>`;
        base += p.value;
      }
    }
    return legend(legendItems) + `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img">${svg}</svg>`;
  }

  // rows: [{ label, value, color }] horizontal bars
  function hbars(rows, { format = v => v } = {}) {
    if (rows.length === 0) return `<p class="muted">No data yet.</p>`;
    const max = Math.max(1e-9, ...rows.map(r => r.value));
    const rowH = 20, width = 640, left = 170;
    let svg = "";
    rows.forEach((r, i) => {
      const y = i * rowH;
      const w = (r.value / max) * (width - left - 90);
      svg += `<text x="${left - 6}" y="${y + 14}" text-anchor="end">${esc(r.label)}</text>`;
      svg += `<rect x="${left}" y="${y + 4}" width="${Math.max(1, w)}" height="${rowH - 8}" fill="${r.color ?? "#58a6ff"}"/>`;
      svg += `<text x="${left + w + 6}" y="${y + 14}">${esc(format(r.value))}</text>`;
    });
    return `<svg class="chart" viewBox="0 0 ${width} ${rows.length * rowH + 4}" role="img">${svg}</svg>`;
  }

  return { line, stacked, hbars, esc };
})();
