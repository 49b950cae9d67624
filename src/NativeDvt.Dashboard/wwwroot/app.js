// The dashboard's shell: one server-sent event stream (/api/live) feeds whichever page the hash names.
"use strict";
(() => {
  const { esc } = Charts;
  const $ = sel => document.querySelector(sel);

  const faults = {
    mount(el) {
      el.innerHTML = `<h2>Inject a fault</h2>
        <p class="hint">Needs the token <code>dotnet run --project AppHost</code> printed at start (kept in this browser). Selectors: <code>all</code>, <code>g0</code>, <code>g0-2</code>, <code>g1/m0</code>, <code>g1/m0-1</code>, or identity keys <code>g1-m0</code>, comma-separated.</p>
        <div class="panel"><form class="fault" id="fault-form">
          <label>token<input id="f-token" type="password" autocomplete="off" placeholder="from the AppHost's banner"></label>
          <label>fault<select id="f-kind">
            <option value="stop">stop identities</option><option value="start">start identities</option>
            <option value="partition">partition</option><option value="heal">heal</option>
            <option value="delay">delay a group's blocks</option><option value="profile">switch client profile</option>
            <option value="rotate">rotate members' keys</option></select></label>
          <label id="l-identities">identities<input id="f-identities" placeholder="g0/m0"></label>
          <label id="l-sides">sides (one per |)<input id="f-sides" placeholder="g0,g1 | g2"></label>
          <label id="l-groups">groups<input id="f-groups" placeholder="g0"></label>
          <label id="l-ms">milliseconds<input id="f-ms" type="number" min="0" max="60000" value="1500"></label>
          <label id="l-profile">profile<select id="f-profile"><option>honest</option><option>equivocator</option><option>bug-invalid-state-root</option><option>bug-wrong-head-after-reorg</option><option>censor</option><option value="file">the devnet file's</option></select></label>
          <button type="submit" id="f-apply">Apply</button>
        </form><div class="result" id="f-result"></div></div>
        <h2>Fault ledger <span class="muted">every fault and what followed it: missed duties, missed slots, split votes, slashings, rewards lost, recovery</span></h2>
        <div class="panel" id="ledger"></div>`;
      const token = $("#f-token"), kind = $("#f-kind");
      token.value = localStorage.getItem("ndvt-fault-token") ?? "";
      const fields = { stop: ["identities"], start: ["identities"], partition: ["sides"], heal: [], delay: ["groups", "ms"], profile: ["identities", "profile"], rotate: ["identities"] };
      const show = () => ["identities", "sides", "groups", "ms", "profile"].forEach(f => $(`#l-${f}`).style.display = fields[kind.value].includes(f) ? "" : "none");
      kind.addEventListener("change", show);
      show();
      $("#fault-form").addEventListener("submit", async ev => {
        ev.preventDefault();
        localStorage.setItem("ndvt-fault-token", token.value);
        const body = {};
        if (fields[kind.value].includes("identities")) body.identities = $("#f-identities").value;
        if (fields[kind.value].includes("sides")) body.sides = $("#f-sides").value.split("|").map(s => s.trim()).filter(s => s);
        if (fields[kind.value].includes("groups")) body.groups = $("#f-groups").value;
        if (fields[kind.value].includes("ms")) body.milliseconds = Number($("#f-ms").value);
        if (fields[kind.value].includes("profile")) body.profile = $("#f-profile").value;
        const result = $("#f-result");
        result.className = "result";
        result.textContent = "applying...";
        try {
          const r = await fetch(`/api/faults/${kind.value}`, { method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${token.value}` }, body: JSON.stringify(body) });
          const answer = await r.json();
          result.className = r.ok ? "result ok" : "result bad";
          result.textContent = r.ok ? `applied to ${answer.identities.join(", ")} (log entry #${answer.event})` : `${r.status}: ${answer.message}`;
        } catch (e) {
          result.className = "result bad";
          result.textContent = String(e);
        }
      });
    },
    update(el, view) {
      el.querySelector("#ledger").innerHTML = view.ledger.length === 0 ? `<p class="muted">No fault injected yet.</p>` :
        `<table><tr><th>#</th><th>fault</th><th>slots</th><th>groups</th><th>ended by</th><th>missed duties</th><th>missed slots</th><th>split votes</th><th>slashings</th><th>reward lost</th><th>recovery</th></tr>${view.ledger.map(l => `<tr>
          <td class="mono">${l.fault.index}</td>
          <td><span class="badge warn">${esc(l.fault.kind.replace("fault-", ""))}</span> ${esc(l.fault.details)}<div class="muted">${new Date(l.fault.at).toLocaleTimeString()}</div></td>
          <td>${l.fromSlot}&ndash;${l.toSlot}</td>
          <td>${l.groups.map(g => `<a href="#/groups/${g}">g${g}</a>`).join(" ")}</td>
          <td>${l.endedBy ? `#${l.endedBy.index} ${esc(l.endedBy.kind.replace("fault-", ""))} (slot ${l.endedBy.slot})` : '<span class="badge bad">in effect</span>'}</td>
          <td>${l.missedDuties.length === 0 ? "none" : missedRanges(l.missedDuties).map(esc).join("<br>")}</td>
          <td>${l.missedSlots}</td><td>${l.splitVotes}</td>
          <td>${l.slashings.length === 0 ? "none" : l.slashings.map(s => `<span class="badge bad">${esc(s.kind)}</span> ${esc(s.details)}`).join("<br>")}</td>
          <td>${Pages.gweiText(l.rewardLostGwei)}<div class="muted">paid ${Pages.gweiText(l.paidGwei)}</div></td>
          <td>${l.recoverySeconds != null ? `<b>${l.recoverySeconds} s</b> ` : ""}${esc(l.recovery)}</td></tr>`).join("")}</table>`;
    },
  };

  // g0 e21, e22, e23 missing the same flags -> "g0 e21-23: source/target/head".
  function missedRanges(misses) {
    const lines = [];
    for (const m of misses) {
      const what = m.missed.join("/") || "partly paid";
      const last = lines.at(-1);
      if (last && last.group === m.group && last.what === what && last.to + 1 === m.epoch) last.to = m.epoch;
      else lines.push({ group: m.group, what, from: m.epoch, to: m.epoch });
    }
    return lines.map(l => `g${l.group} e${l.from}${l.to > l.from ? `-${l.to}` : ""}: ${l.what}`);
  }

  const network = {
    mount: el => el.innerHTML = `<div class="grid2"><div><h2>Gossip per slot by topic <span class="muted">published, summed over identities, last 30 s</span></h2><div class="panel" id="ntopics"></div></div>
      <div><h2>Stake concentration</h2><div class="tiles" id="nstake"></div><h2>Stake per group</h2><div class="panel" id="nshares"></div></div></div>
      <h2>Per topic</h2><div class="panel" id="ntable"></div>`,
    update(el, view) {
      el.querySelector("#ntopics").innerHTML = Charts.hbars(view.network.map(t => ({ label: t.topic, value: t.bytesPerSlot })), { format: v => `${Math.round(v).toLocaleString("en")} B` });
      const st = view.stake;
      el.querySelector("#nstake").innerHTML = [["Herfindahl index", st.herfindahl.toFixed(3), "sum of squared group shares"], ["Nakamoto coefficient", st.nakamoto, "identities to hold > 1/3"], ["to hold > 1/2", st.nakamotoHalf, "identities"]]
        .map(([k, v, sub]) => `<div class="tile"><div class="k">${k}</div><div class="v">${esc(v)}</div><div class="k">${sub}</div></div>`).join("");
      const active = view.groups.filter(g => g.summary.chain);
      const total = active.reduce((t, g) => t + g.summary.chain.effectiveBalanceGwei, 0) || 1;
      el.querySelector("#nshares").innerHTML = Charts.hbars(active.map(g => ({ label: `g${g.summary.index} (${g.summary.m} of ${g.summary.n})`, value: g.summary.chain.effectiveBalanceGwei / total, color: "#a371f7" })), { format: v => `${(v * 100).toFixed(1)}%` });
      el.querySelector("#ntable").innerHTML = `<table><tr><th>topic</th><th>messages / slot</th><th>bytes / slot</th><th>deliveries / slot</th><th>rejected / slot</th><th>published since start</th></tr>${view.network.map(t => {
        const total = view.gossipTotals.find(x => x.topic === t.topic);
        return `<tr><td class="mono">${esc(t.topic)}</td><td>${t.messagesPerSlot.toFixed(1)}</td><td>${Math.round(t.bytesPerSlot).toLocaleString("en")}</td><td>${t.deliveriesPerSlot.toFixed(1)}</td><td>${t.rejectedPerSlot.toFixed(2)}</td><td>${total ? total.published.toLocaleString("en") : "-"}</td></tr>`;
      }).join("")}</table>`;
    },
  };

  const routes = [
    [/^#?\/?$/, Pages.overview], [/^#\/groups\/(\d+)$/, Pages.group], [/^#\/groups$/, Pages.groups],
    [/^#\/identities\/([\w-]+)$/, Pages.identity], [/^#\/identities$/, Pages.identities], [/^#\/events$/, Pages.events],
    [/^#\/faults$/, faults], [/^#\/network$/, network],
  ];
  let current = null, view = null;

  function route() {
    const hash = location.hash || "#/";
    const page = $("#page");
    if (page._hwmTimer) clearInterval(page._hwmTimer);
    page._hwmTimer = null;
    for (const [re, p] of routes) {
      const m = re.exec(hash);
      if (m) {
        current = { page: p, arg: m[1] ? decodeURIComponent(m[1]) : null };
        p.mount(page, current.arg);
        document.querySelectorAll("nav a").forEach(a => a.classList.toggle("active", a.getAttribute("href") === "#/" + hash.split("/")[1] || (hash === "#/" && a.getAttribute("href") === "#/")));
        if (view) render();
        return;
      }
    }
    page.innerHTML = `<p>No page ${esc(hash)}.</p>`;
    current = null;
  }

  function render() {
    $("#devnet-name").textContent = `${view.devnet} (${view.scheme}, ${view.secondsPerSlot} s slots)`;
    $("#head-slot").textContent = view.headSlot;
    $("#wall-slot").textContent = view.wallSlot;
    $("#justified").textContent = view.justifiedEpoch;
    $("#finalized").textContent = view.finalizedEpoch;
    $("#running").textContent = `${view.running}/${view.identities.length}`;
    if (current) current.page.update($("#page"), view, current.arg);
  }

  function connect() {
    const live = $("#live");
    const source = new EventSource("/api/live");
    source.addEventListener("view", e => {
      view = JSON.parse(e.data);
      live.className = "live on";
      live.textContent = "live";
      document.body.dataset.headSlot = view.headSlot;
      render();
    });
    source.onerror = () => { live.className = "live off"; live.textContent = "reconnecting"; };
  }

  window.addEventListener("hashchange", route);
  route();
  connect();
})();
