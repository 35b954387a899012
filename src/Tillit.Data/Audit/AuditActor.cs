namespace Tillit.Data.Audit;

/// <summary>Who is acting, for the events of this unit of work. The web host fills it from the request.</summary>
public interface IAuditActor
{
    AuditActorKind Kind { get; }

    Guid? PersonId { get; }

    Guid? TokenId { get; }

    string? Name { get; }

    string? ClientAddress { get; }
}

/// <summary>A system job or command-line verb.</summary>
public sealed class SystemAuditActor(string name) : IAuditActor
{
    public AuditActorKind Kind => AuditActorKind.System;

    public Guid? PersonId => null;

    public Guid? TokenId => null;

    public string? Name { get; } = name;

    public string? ClientAddress => null;
}
