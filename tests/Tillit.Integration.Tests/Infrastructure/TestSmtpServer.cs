using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Tillit.Web.Infrastructure.Mail;

namespace Tillit.Integration.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a free loopback port for one test class: Tillit's own MailKit sender talks SMTP to it,
/// and every accepted message is kept for the test to read. Start it in InitializeAsync, dispose it in DisposeAsync.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Inbox _inbox = new();
    private readonly Task _server;

    private TestSmtpServer()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_inbox);
        _server = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public static TestSmtpServer Start() => new();

    /// <summary>Tillit's SMTP sender pointed at this server.</summary>
    public IMailSender Sender() => new SmtpMailSender(Options.Create(new MailOptions { Host = "127.0.0.1", Port = Port, Security = "None", From = "tillit@test.example" }));

    /// <summary>The messages received for the address, in the order they arrived.</summary>
    public List<MimeMessage> To(string address) => _inbox.To(address);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _server;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class Inbox : MessageStore
    {
        private readonly ConcurrentQueue<MimeMessage> _messages = new();

        public List<MimeMessage> To(string address) =>
            _messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            _messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
