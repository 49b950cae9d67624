// The dashboard's pages: each mounts once and updates on every view the devnet pushes.
"use strict";
const Pages = (() => {
  const { esc } = Charts;
  const pct = v => `${(v * 100).toFixed(0)}%`;
  const eth = gwei => `${(gwei / 1e9).toFixed(4)} ETH`;
  const gweiText = g => `${g >= 0 ? "" : "-"}${Math.abs(g).toLocaleString("en")} gwei`;
  const compact = v => Math.abs(v) >= 1e6 ? `${(v / 1e6).toFixed(1)}M` : Math.abs(v) >= 1e3 ? `${(v / 1e3).toFixed(0)}k` : `${Math.round(v)}`;
  const secs = v => v == null ? "-" : `${v.toFixed(2)} s`;
  const time = t => new Date(t).toLocaleTimeString();
  const idLink = key => `<a href="#/identities/${encodeURIComponent(key)}">${esc(key)}</a>`;
  const whoKey = who => { const m = /^g(\d+)[/-]m(\d+)$/.exec(who); return m ? `g${m[1]}-m${m[2]}` : null; };
  const whoLink = who => whoKey(who) ? idLink(whoKey(who)) : /^g\d+$/.test(who) ? `<a href="#/groups/${who.slice(1)}">${esc(who)}</a>` : esc(who);
  const kindClass = k => /slashing|equivocation|halted|missed/.test(k) ? "bad" : /^fault|failover|stopped|partition/.test(k) ? "warn" : /on-duty|started|heal/.test(k) ? "ok" : "";
  const outcomeColor = { block: "#3fb950", late: "#d29922", missed: "#f85149", pending: "#2a3440" };
  const flagCells = e => ["source", "target", "head"].map(f => `<span class="${e[f] ? "y" : "n"}" title="epoch ${e.epoch} ${f}: ${e[f] ? "earned" : "missed"}">${f[0].toUpperCase()}</span>`).join("");

  function eventRow(e) {
    return `<tr><td class="mono">${e.index}</td><td>${time(e.at)}</td><td>${e.slot ?? ""}</td><td><span class="badge ${kindClass(e.kind)}">${esc(e.kind)}</span></td><td>${whoLink(e.who)}</td><td>${esc(e.details)}</td></tr>`;
  }

  function participationChart(view) {
    const p = view.participation;
    return Charts.line([
      { name: "source", color: "#a371f7", points: p.map(e => [e.epoch, e.source]) },
      { name: "target", color: "#58a6ff", points: p.map(e => [e.epoch, e.target]) },
      { name: "head", color: "#3fb950", points: p.map(e => [e.epoch, e.head]) },
    ], { yMax: 1, yFormat: pct, xLabel: "epoch" });
  }

  function latencyChart(view) {
    const bars = view.slots.map(s => {
      const proposed = s.proposedAt ?? 0, threshold = s.thresholdAt ?? proposed, imported = s.importedAt ?? threshold;
      return {
        x: s.slot,
        mark: s.outcome === "missed" ? "#f85149" : null,
        title: `slot ${s.slot}: ${s.outcome}${s.group != null ? ` (g${s.group})` : ""}; proposal ${secs(s.proposedAt)}, m-th follow ${secs(s.thresholdAt)}, import ${secs(s.importedAt)}${s.reason ? "; " + s.reason : ""}`,
        parts: s.outcome === "missed" || s.outcome === "pending" ? [] : [
          { value: Math.max(0, proposed), color: "#8b949e" },
          { value: Math.max(0, threshold - proposed), color: "#a371f7" },
          { value: Math.max(0, imported - threshold), color: s.outcome === "late" ? "#d29922" : "#3fb950" },
        ],
      };
    });
    return Charts.stacked(bars, {
      yMax: view.secondsPerSlot, yFormat: v => `${v.toFixed(1)} s`, xLabel: "slot",
      legendItems: [
        { name: "leader's proposal", color: "#8b949e" }, { name: "to m-th follow signature", color: "#a371f7" },
        { name: "to import (median node)", color: "#3fb950" }, { name: "late import", color: "#d29922" }, { name: "missed slot", color: "#f85149" },
      ],
    });
  }

  const overview = {
    mount: el => el.innerHTML = `
      <div class="tiles" id="tiles"></div>
      <div class="grid2">
        <div><h2>Participation per epoch <span class="muted">stake-weighted, settled epochs</span></h2><div class="panel" id="participation"></div></div>
        <div><h2>Leader &rarr; m-th follow signature &rarr; block, per slot</h2><div class="panel" id="latency"></div></div>
      </div>
      <h2>Missed and late slots <span class="muted">the last 64 slots</span></h2><div class="panel" id="misses"></div>
      <h2>Latest events</h2><div class="panel" id="latest"></div>`,
    update(el, view) {
      const slots = view.slots.filter(s => s.outcome !== "pending");
      const missed = slots.filter(s => s.outcome === "missed").length, late = slots.filter(s => s.outcome === "late").length;
      const splits = view.slots.reduce((t, s) => t + s.splitVotes.length, 0);
      const last = view.participation.at(-1);
      const faults = view.ledger.filter(l => !l.endedBy).length;
      const tiles = [
        ["head slot", view.headSlot, `clock at ${view.wallSlot}`], ["justified epoch", view.justifiedEpoch, ""], ["finalized epoch", view.finalizedEpoch, `${Math.max(0, Math.floor(view.wallSlot / view.slotsPerEpoch) - view.finalizedEpoch)} epochs behind`],
        ["nodes running", `${view.running}/${view.identities.length}`, view.scheme], ["target participation", last ? pct(last.target) : "-", last ? `epoch ${last.epoch}` : ""],
        ["missed slots", missed, `${late} late of ${slots.length}`], ["split votes", splits, "slot-group pairs"], ["faults in effect", faults, `${view.ledger.length} injected`],
      ];
      el.querySelector("#tiles").innerHTML = tiles.map(([k, v, sub]) => `<div class="tile"><div class="k">${esc(k)}</div><div class="v">${esc(v)}</div><div class="k">${esc(sub)}</div></div>`).join("");
      el.querySelector("#participation").innerHTML = participationChart(view);
      el.querySelector("#latency").innerHTML = latencyChart(view);
      const bad = view.slots.filter(s => s.outcome === "missed" || s.outcome === "late").reverse();
      const shown = bad.slice(0, 12);
      el.querySelector("#misses").innerHTML = bad.length === 0 ? `<p class="muted">Every slot of the window has its block on time.</p>` :
        (bad.length > shown.length ? `<p class="hint">The newest ${shown.length} of ${bad.length}; the chart above shows them all.</p>` : "") + `<table><tr><th>slot</th><th>outcome</th><th>group</th><th>imported by</th><th>why</th></tr>${shown.map(s =>
          `<tr><td>${s.slot}</td><td><span class="badge ${s.outcome === "missed" ? "bad" : "warn"}">${s.outcome}</span></td><td>${s.group != null ? `<a href="#/groups/${s.group}">g${s.group}</a>` : "-"}</td><td>${s.importedBy}</td><td>${esc(s.reason || `imported at ${secs(s.importedAt)}, after the attestation deadline (${(view.secondsPerSlot / 3).toFixed(2)} s)`)}</td></tr>`).join("")}</table>`;
      el.querySelector("#latest").innerHTML = `<table><tr><th>#</th><th>at</th><th>slot</th><th>kind</th><th>who</th><th>what</th></tr>${view.events.slice(-8).reverse().map(eventRow).join("")}</table>`;
    },
  };

  function memberDots(group, view) {
    return group.summary.members.map(m => {
      const id = view.identities.find(i => i.status.identity === m.identity);
      const onDuty = id && id.lastDutySlot != null && view.wallSlot - id.lastDutySlot <= 2 * view.slotsPerEpoch;
      const cls = !m.running ? "bad" : onDuty ? "ok" : "warn";
      return `<a href="#/identities/${m.identity}" title="${esc(m.identity)}: ${m.running ? "running" : "stopped"} on ${esc(m.silo)}, ${esc(m.profile)}${id?.lastDutySlot != null ? `, last duty slot ${id.lastDutySlot}` : ""}"><span class="dot ${cls}"></span></a>`;
    }).join("");
  }

  const groups = {
    mount: el => el.innerHTML = `<h2>Groups <span class="muted">each acts only when m of its n members sign the same thing</span></h2>
      <p class="hint">Members: green on duty, amber running but silent for two epochs, red stopped. Flags per settled epoch: S source, T target, H head (green earned, red missed).</p>
      <div class="panel" id="groups"></div>`,
    update(el, view) {
      el.querySelector("#groups").innerHTML = `<table><tr><th>group</th><th>m of n</th><th>status</th><th>balance</th><th>members</th><th>acted per epoch (last 8 settled)</th><th>reward vs maximum (same epochs)</th><th>split votes</th><th>slashings</th></tr>${view.groups.map(g => {
        const c = g.summary.chain, recent = g.epochs.slice(-8);
        const paid = recent.reduce((t, e) => t + e.rewardGwei, 0), max = recent.reduce((t, e) => t + e.maxRewardGwei, 0);
        const share = max > 0 ? Math.max(0, paid / max) : 0;
        return `<tr><td><a href="#/groups/${g.summary.index}">g${g.summary.index}</a></td><td>${g.summary.m} of ${g.summary.n}</td><td>${esc(c?.status ?? "unknown")}</td><td>${c ? eth(c.balanceGwei) : "-"}</td><td>${memberDots(g, view)}</td>
          <td class="flags">${g.epochs.slice(-8).map(flagCells).join('<b style="display:inline-block;width:6px"></b>')}</td>
          <td><div class="bar" title="${gweiText(paid)} of ${gweiText(max)} over the epochs shown; ${gweiText(g.rewardGwei)} of ${gweiText(g.maxRewardGwei)} over all read"><div style="width:${(share * 100).toFixed(0)}%"></div></div><span class="muted">${pct(share)}</span></td>
          <td>${g.splitVoteSlots.length}</td><td>${g.summary.slashings.length}</td></tr>`;
      }).join("")}</table>`;
    },
  };

  const group = {
    mount: (el, index) => el.innerHTML = `<h2>Group g${esc(index)}</h2><div class="tiles" id="gtiles"></div>
      <div class="grid2"><div><h2>Members</h2><div class="panel" id="gmembers"></div></div><div><h2>Reward per epoch against the maximum</h2><div class="panel" id="greward"></div></div></div>
      <h2>Settled epochs</h2><div class="panel" id="gepochs"></div><h2>Slashings, key rotations and split votes</h2><div class="panel" id="gevents"></div>`,
    update(el, view, index) {
      const g = view.groups.find(x => String(x.summary.index) === String(index));
      if (!g) { el.querySelector("#gtiles").innerHTML = `<p class="muted">No group ${esc(index)} in this devnet.</p>`; return; }
      const c = g.summary.chain;
      el.querySelector("#gtiles").innerHTML = [["m of n", `${g.summary.m} of ${g.summary.n}`], ["status", c?.status ?? "-"], ["balance", c ? eth(c.balanceGwei) : "-"], ["effective", c ? eth(c.effectiveBalanceGwei) : "-"], ["read from", g.summary.readFrom ?? "-"]]
        .map(([k, v]) => `<div class="tile"><div class="k">${k}</div><div class="v" style="font-size:16px">${esc(v)}</div></div>`).join("");
      el.querySelector("#gmembers").innerHTML = `<table><tr><th>member</th><th>identity</th><th>running</th><th>silo</th><th>profile</th><th>last duty</th><th>key</th></tr>${g.summary.members.map(m => {
        const id = view.identities.find(i => i.status.identity === m.identity);
        return `<tr><td>m${m.member}</td><td>${idLink(m.identity)}</td><td>${m.running ? '<span class="dot ok"></span>yes' : '<span class="dot bad"></span>no'}</td><td>${esc(m.silo)}</td><td>${esc(id?.profile || m.profile)}</td><td>${id?.lastDutySlot ?? "-"}</td><td class="mono" title="${esc(m.pubkey)}">${esc(m.pubkey.slice(0, 12))}...</td></tr>`;
      }).join("")}</table>`;
      const epochs = g.epochs;
      el.querySelector("#greward").innerHTML = Charts.line([
        { name: "maximum, all flags (gwei)", color: "#8b949e", dash: true, points: epochs.map(e => [e.epoch, e.maxRewardGwei]) },
        { name: "paid (gwei)", color: "#3fb950", points: epochs.map(e => [e.epoch, e.rewardGwei]) },
      ], { yFormat: compact, xLabel: "epoch" });
      el.querySelector("#gepochs").innerHTML = `<table><tr><th>epoch</th><th>flags</th><th>reward</th><th>maximum</th><th>balance after</th></tr>${epochs.slice().reverse().map(e =>
        `<tr><td>${e.epoch}</td><td class="flags">${flagCells(e)}</td><td>${gweiText(e.rewardGwei)}</td><td>${gweiText(e.maxRewardGwei)}</td><td>${eth(e.balanceGwei)}</td></tr>`).join("")}</table>`;
      const evs = [...g.summary.slashings, ...g.summary.keyRotations];
      el.querySelector("#gevents").innerHTML = (evs.length === 0 && g.splitVoteSlots.length === 0) ? `<p class="muted">No slashing, key rotation or split vote.</p>` :
        `<table>${evs.map(e => `<tr><td>${e.slot ?? ""}</td><td><span class="badge ${kindClass(e.kind)}">${esc(e.kind)}</span></td><td>${esc(e.details)}</td></tr>`).join("")}
        ${g.splitVoteSlots.map(s => `<tr><td>${s}</td><td><span class="badge warn">split-vote</span></td><td>no m members agreed on one attestation</td></tr>`).join("")}</table>`;
    },
  };

  const identities = {
    mount: el => el.innerHTML = `<h2>Identities <span class="muted">one node each</span></h2><div class="panel" id="ids"></div>`,
    update(el, view) {
      el.querySelector("#ids").innerHTML = `<table><tr><th>identity</th><th>running</th><th>silo</th><th>peers</th><th>head</th><th>finalized</th><th>profile</th><th>last duty</th><th>peer id</th></tr>${view.identities.map(i =>
        `<tr><td>${idLink(i.status.identity)}</td><td>${i.status.running ? '<span class="dot ok"></span>' : '<span class="dot bad"></span>'}${i.status.haltReason ? ' <span class="badge bad">halted</span>' : ""}</td><td>${esc(i.status.silo)}</td><td>${i.peers}</td><td>${i.status.headSlot}</td><td>${i.status.finalized.epoch}</td><td>${esc(i.profile)}${i.blockDelayMilliseconds ? ` <span class="badge warn">blocks +${i.blockDelayMilliseconds} ms</span>` : ""}</td><td>${i.lastDutySlot ?? "-"}</td><td class="mono">${esc(i.status.peerId.slice(0, 16))}...</td></tr>`).join("")}</table>`;
    },
  };

  async function highWaterMarks(key, target) {
    try {
      const r = await fetch(`/api/identities/${encodeURIComponent(key)}/slashing-protection`);
      if (!r.ok) { target.textContent = `not available (${r.status})`; return; }
      const doc = await r.json();
      target.innerHTML = `<table><tr><th>key</th><th>highest block slot</th><th>highest source epoch</th><th>highest target epoch</th><th>records</th></tr>${doc.data.map(d => {
        const max = (xs, f) => xs.length ? Math.max(...xs.map(x => Number(x[f]))) : "-";
        return `<tr><td class="mono">${esc(d.pubkey.slice(0, 14))}...</td><td>${max(d.signed_blocks, "slot")}</td><td>${max(d.signed_attestations, "source_epoch")}</td><td>${max(d.signed_attestations, "target_epoch")}</td><td>${d.signed_blocks.length + d.signed_attestations.length}</td></tr>`;
      }).join("")}</table>`;
    } catch (e) { target.textContent = `not available: ${e}`; }
  }

  const identity = {
    mount(el, key) {
      el.innerHTML = `<h2>Identity ${esc(key)}</h2><div class="tiles" id="itiles"></div>
        <div class="grid2"><div><h2>Last duties</h2><div class="panel" id="iduties"></div></div><div><h2>Gossip per topic <span class="muted">since its node started</span></h2><div class="panel" id="itopics"></div></div></div>
        <h2>Slashing-protection high-water marks <a href="/api/identities/${encodeURIComponent(key)}/slashing-protection" download="${esc(key)}-eip3076.json">download EIP-3076 interchange</a></h2><div class="panel" id="ihwm">reading...</div>`;
      highWaterMarks(key, el.querySelector("#ihwm"));
      el._hwmTimer = setInterval(() => highWaterMarks(key, el.querySelector("#ihwm")), 10000);
    },
    update(el, view, key) {
      const i = view.identities.find(x => x.status.identity === key);
      if (!i) { el.querySelector("#itiles").innerHTML = `<p class="muted">No identity ${esc(key)}.</p>`; return; }
      const s = i.status;
      el.querySelector("#itiles").innerHTML = [["running", s.running ? "yes" : "no"], ["silo", s.silo], ["peers", i.peers], ["head", s.headSlot], ["justified", s.justified.epoch], ["finalized", s.finalized.epoch], ["profile", i.profile || "-"], ["block delay", `${i.blockDelayMilliseconds} ms`]]
        .map(([k, v]) => `<div class="tile"><div class="k">${k}</div><div class="v" style="font-size:16px">${esc(v)}</div></div>`).join("")
        + `<div class="tile" style="grid-column: span 3"><div class="k">peer id</div><div class="mono">${esc(s.peerId)}</div><div class="k">listens on</div><div class="mono">${esc(s.address ?? "-")}</div>${s.haltReason ? `<div class="k">halted</div><div>${esc(s.haltReason)}</div>` : ""}</div>`;
      el.querySelector("#iduties").innerHTML = i.lastDuties.length === 0 ? `<p class="muted">No duty in the window.</p>` : `<table><tr><th>slot</th><th>duty</th><th>at</th><th>root</th></tr>${i.lastDuties.map(d =>
        `<tr><td>${d.slot}</td><td>${esc(d.kind)}</td><td>${secs(d.seconds)}</td><td class="mono">${esc(d.root.slice(0, 14))}</td></tr>`).join("")}</table>`;
      el.querySelector("#itopics").innerHTML = i.topics.length === 0 ? `<p class="muted">Its node does not run.</p>` : `<table><tr><th>topic</th><th>published</th><th>bytes</th><th>accepted</th><th>rejected</th><th>ignored</th></tr>${i.topics.map(t =>
        `<tr><td class="mono">${esc(t.topic)}</td><td>${t.published}</td><td>${t.publishedBytes.toLocaleString("en")}</td><td>${t.accepted}</td><td>${t.rejected}</td><td>${t.ignored}</td></tr>`).join("")}</table>`;
    },
  };

  const events = {
    mount: el => el.innerHTML = `<h2>Group slashings <span class="muted">both conflicting messages, as the including block carried them</span></h2><div class="panel" id="eslash"></div><h2>Event log</h2><p class="hint">Group slashings, member equivocations, key rotations, silo failovers, missed inclusion lists, faults. Filter: <select id="efilter"><option value="">everything</option><option value="slash|equivocation">slashing evidence</option><option value="rotation">key rotations</option><option value="failover|started|stopped|on-duty">identities and silos</option><option value="^fault">faults</option><option value="halted">signing halted</option></select></p><div class="panel" id="elist"></div><h2>Missed inclusion lists <span class="muted">the last 64 slots, as the nodes saw them</span></h2><div class="panel" id="ilmissed"></div>`,
    update(el, view) {
      const f = el.querySelector("#efilter").value, re = f ? new RegExp(f) : null;
      const rows = view.events.filter(e => !re || re.test(e.kind)).reverse();
      el.querySelector("#eslash").innerHTML = view.slashings.length === 0 ? `<p class="muted">No group has been slashed.</p>` :
        `<table><tr><th>included</th><th>group</th><th>kind</th><th>one side</th><th>the other</th></tr>${view.slashings.map(s => s.evidence.length === 0
          ? `<tr><td>${s.event.slot}</td><td>${whoLink(s.event.who)}</td><td colspan="3">${esc(s.event.details)} (${s.lost ? "evidence no longer held: the including block was pruned at finality or reorged out before the dashboard read it" : "evidence not read yet"})</td></tr>`
          : s.evidence.map(e => `<tr><td>${e.includedAt}</td><td><a href="#/groups/${e.group}">g${e.group}</a></td><td><span class="badge bad">${esc(e.kind)}</span></td>${[e.first, e.second].map(side =>
            `<td>slot ${side.slot}: ${esc(side.what)}<div class="muted">signed by ${side.members.map(m => `m${m}`).join(", ")} &middot; <span class="mono">${esc(side.root.slice(0, 14))}</span></div></td>`).join("")}</tr>`).join("")).join("")}</table>`;
      const ils = view.slots.flatMap(s => s.inclusionListMisses.map(m => ({ slot: s.slot, what: m }))).reverse();
      el.querySelector("#ilmissed").innerHTML = ils.length === 0 ? `<p class="muted">No inclusion list missed in the last 64 slots.</p>` :
        `<table><tr><th>slot</th><th>what</th></tr>${ils.map(m => `<tr><td>${m.slot}</td><td>${esc(m.what)}</td></tr>`).join("")}</table>`;
      el.querySelector("#elist").innerHTML = rows.length === 0 ? `<p class="muted">Nothing logged of this kind.</p>` : `<table><tr><th>#</th><th>at</th><th>slot</th><th>kind</th><th>who</th><th>what</th></tr>${rows.map(eventRow).join("")}</table>`;
    },
  };

  return { overview, groups, group, identities, identity, events, esc, eventRow, whoLink, secs, gweiText, pct };
})();
