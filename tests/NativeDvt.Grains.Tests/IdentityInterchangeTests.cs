using System.Net;
using Microsoft.AspNetCore.TestHost;
using NativeDvt.Consensus.SlashingProtection;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains.Tests;

/// <summary>EIP-3076 interchange through the identity grain, on a small running devnet.</summary>
[Trait("Category", "Devnet")]
public sealed class IdentityInterchangeTests
{
    private const string Yaml = """
        name: interchange
        scheme: ed25519
        slotTime: 1s
        slotsPerEpoch: 4
        groups:
          - { count: 1, n: 3, m: 2 }
        """;

    private const ulong SlotsPerEpoch = 4;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SlashingProtection_ImportedIntoAStoppedIdentity_ItSignsOnlyAboveTheMarksAndEveryExportShowsItsHighWaterMarks()
    {
        await using var devnet = await SmallDevnet.StartAsync(Yaml, TimeSpan.FromSeconds(5));
        var importer = devnet.Grains.GetGrain<IIdentityGrain>("g0-m2");
        var signer = devnet.Grains.GetGrain<IIdentityGrain>("g0-m1");
        await importer.StopAsync();
        var members = await SmallDevnet.WaitAsync(
            devnet.Grains.GetGrain<IGroupGrain>(0).GetSummaryAsync, s => s.Chain is not null, s => "no member's node runs yet");
        var pubkey = members.Members[2].Pubkey;
        var genesis = (await devnet.Devnet.GetGenesisAsync())!;

        // Marks at the epoch after the current one: the restarted node has duties below them that it must refuse.
        var mark = Math.Max(1, CurrentEpoch(devnet) + 1);
        var markSlot = ((mark + 1) * SlotsPerEpoch) - 1;
        await Assert.ThrowsAnyAsync<ArgumentException>(() => importer.ImportSlashingProtectionAsync(Interchange("0x" + new string('1', 64), pubkey, mark, markSlot)));
        await importer.ImportSlashingProtectionAsync(Interchange(genesis.GenesisValidatorsRoot, pubkey, mark, markSlot));
        await importer.StartAsync();
        await SmallDevnet.WaitAsync(signer.GetStatusAsync, s => s.Running, s => "g0-m1 does not run");
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => signer.ImportSlashingProtectionAsync(Interchange(genesis.GenesisValidatorsRoot, pubkey, mark, markSlot)));

        var imported = await SmallDevnet.WaitAsync(
            async () => InterchangeFormat.Parse(await importer.ExportSlashingProtectionAsync()),
            d => d.Validators.Count == 1 && d.Validators[0].Attestations.Any(a => a.TargetEpoch.Value > mark + 1),
            d => $"g0-m2 signed targets {string.Join(", ", d.Validators.SelectMany(v => v.Attestations).Select(a => a.TargetEpoch.Value))} (mark {mark})");
        var signed = InterchangeFormat.Parse(await signer.ExportSlashingProtectionAsync());

        var record = Assert.Single(imported.Validators);
        Assert.Equal(pubkey, "0x" + Convert.ToHexStringLower(record.Pubkey));
        Assert.Contains(new SignedAttestationRecord(new(0), new(mark), null), record.Attestations);
        Assert.Contains(new SignedBlockRecord(new(markSlot), null), record.Blocks);
        var since = record.Attestations.Where(a => a.SigningRoot is not null).ToList();
        Assert.NotEmpty(since);
        Assert.All(since, a => Assert.True(a.TargetEpoch.Value > mark, $"g0-m2 signed target {a.TargetEpoch.Value} at or below the imported mark {mark}"));
        Assert.All(record.Blocks.Where(b => b.SigningRoot is not null), b => Assert.True(b.Slot.Value > markSlot));

        var history = Assert.Single(signed.Validators);
        Assert.Equal(members.Members[1].Pubkey, "0x" + Convert.ToHexStringLower(history.Pubkey));
        var targets = history.Attestations.Select(a => a.TargetEpoch.Value).ToList();
        Assert.Equal(targets.Count, targets.Distinct().Count());
        Assert.True(targets.Max() > mark, "the exported high-water mark trails the epochs g0-m1 has signed in");
        Assert.All(history.Attestations, a => Assert.True(a.SigningRoot is not null && a.SourceEpoch <= a.TargetEpoch));

        await using var app = await ApiTestServer.StartAsync(devnet.Grains);
        using var client = app.GetTestClient();
        var download = await client.GetAsync(new Uri("/api/identities/g0-m1/slashing-protection", UriKind.Relative), Ct);
        var missing = await client.GetAsync(new Uri("/api/identities/g5-m0/slashing-protection", UriKind.Relative), Ct);
        var malformed = await client.GetAsync(new Uri("/api/identities/m1/slashing-protection", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("g0-m1-slashing-protection.json", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        var downloaded = InterchangeFormat.Parse(await download.Content.ReadAsStringAsync(Ct));
        Assert.Equal(history.Pubkey, Assert.Single(downloaded.Validators).Pubkey);
        Assert.True(downloaded.Validators[0].Attestations.Count >= history.Attestations.Count);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    private static ulong CurrentEpoch(SmallDevnet devnet)
    {
        var seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - (long)devnet.GenesisTime;
        return seconds < 0 ? 0 : (ulong)seconds / SlotsPerEpoch;
    }

    /// <summary>A history without signing roots (the EIP's minimal form): it blocks everything at or below its records.</summary>
    private static string Interchange(string genesisValidatorsRoot, string pubkey, ulong targetEpoch, ulong blockSlot) => $$"""
        {
          "metadata": { "interchange_format_version": "5", "genesis_validators_root": "{{genesisValidatorsRoot}}" },
          "data": [
            {
              "pubkey": "{{pubkey}}",
              "signed_blocks": [ { "slot": "{{blockSlot}}" } ],
              "signed_attestations": [ { "source_epoch": "0", "target_epoch": "{{targetEpoch}}" } ]
            }
          ]
        }
        """;
}
