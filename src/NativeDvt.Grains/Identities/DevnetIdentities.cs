using NativeDvt.Devnet;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains.Identities;

/// <summary>The identities a devnet file describes: one per member of every group, solos included, in registry order.</summary>
public static class DevnetIdentities
{
    /// <summary>Every identity of <paramref name="spec"/> as an <see cref="IdentityKeys"/> key, with its client profile.</summary>
    public static IEnumerable<(string Key, MemberProfile Profile)> Of(DevnetSpec spec)
    {
        for (var group = 0; group < spec.GroupCount; group++)
        {
            var template = spec.TemplateOf(group);
            for (var member = 0; member < template.N; member++)
            {
                yield return (IdentityKeys.Of((ulong)group, member), ProfileOf(spec, (ulong)group, member));
            }
        }
    }

    /// <summary>The client profile of member <paramref name="member"/> of group <paramref name="group"/> (honest unless the file says).</summary>
    public static MemberProfile ProfileOf(DevnetSpec spec, ulong group, int member)
    {
        var template = spec.TemplateOf((int)group);
        return template.Members.Count == template.N ? template.Members[member] : MemberProfile.Honest;
    }
}
