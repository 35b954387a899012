using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Tillit.Data;

namespace Tillit.Web.Infrastructure;

/// <summary>
/// Writes many new rows of one entity type fast, inside the context's open transaction: PostgreSQL by
/// binary COPY, SQLite by one prepared INSERT reused for every row. Tables, columns and value
/// conversions come from the EF model, so the rows are exactly what SaveChanges would have written
/// (shadow and computed properties aside, which the bench entities do not have). Writes no audit event:
/// the bench generator fills a database outside the trail; imports go through <c>Infrastructure/Audit/AuditedBulkInsert</c>,
/// which writes each record's create event with it.
/// </summary>
internal static class BulkWriter
{
    /// <summary>The page cache of the bulk writer's SQLite connection, in KiB (256 MB).</summary>
    private const int SqliteCacheKib = 256 * 1024;

    /// <param name="db">The context whose transaction the rows are written in.</param>
    /// <param name="rows">New rows of one entity type.</param>
    /// <param name="growCache">
    /// On SQLite, raise the connection's page cache to 256 MB first (the generator's millions of rows). An import
    /// leaves it as it is: the setting would stay with the pooled connection of a long-running server.
    /// </param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public static async Task WriteAsync<T>(TillitDbContext db, IReadOnlyList<T> rows, bool growCache, CancellationToken cancellationToken)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Select(p => (Property: p, Column: p.GetColumnName(table), Mapping: p.GetRelationalTypeMapping()))
            .Where(c => c.Column is not null)
            .Select(c => new Column(c.Column!, c.Property.GetGetter(), c.Mapping))
            .ToList();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("bulk writes run inside a transaction");

        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, Quote(table.Name), columns, rows, cancellationToken);
        }
        else
        {
            await InsertAsync(connection, transaction, Quote(table.Name), columns, rows, growCache, cancellationToken);
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string table, List<Column> columns, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var copy = $"COPY {table} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);

        // Completing the COPY of a million rows (indexes and all) takes longer than the default command timeout of
        // 30 s on a loaded machine; the generator's one transaction is all or nothing anyway.
        importer.Timeout = TimeSpan.FromMinutes(15);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in columns)
            {
                var value = column.ProviderValue(row);
                if (value is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(value, column.Mapping.StoreTypeNameBase, cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task InsertAsync<T>(DbConnection connection, DbTransaction transaction, string table, List<Column> columns, IReadOnlyList<T> rows, bool growCache, CancellationToken cancellationToken)
        where T : class
    {
        // SQLite's default page cache (2 MB) is far smaller than the indexes of a million rows: pages spill to the
        // write-ahead log and are read back over and over. A larger cache for the write keeps them in memory. (In the
        // web host SQLite's process-wide soft heap limit still applies; a 25,000-row import runs 5 s under it.)
        if (growCache)
        {
            await using var pragma = connection.CreateCommand();
            pragma.Transaction = transaction;
            pragma.CommandText = "PRAGMA cache_size = -" + SqliteCacheKib.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";

        // Each parameter is made by the column's type mapping, so it binds as EF would (a Guid as TEXT on SQLite).
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, "@p" + i, null, nullable: true)).ToArray();
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].ProviderValue(row) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record Column(string Name, IClrPropertyGetter Getter, RelationalTypeMapping Mapping)
    {
        public object? ProviderValue(object entity)
        {
            var value = Getter.GetClrValueUsingContainingEntity(entity);
            return value is null ? null : Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }
}
