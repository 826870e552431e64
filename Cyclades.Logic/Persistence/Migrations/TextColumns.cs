using FluentMigrator.Builders;
using FluentMigrator.Infrastructure;

namespace Cyclades.Logic.Persistence.Migrations;

/// <summary>
/// Text column types for both databases. FluentMigrator's <c>AsString</c> becomes
/// <c>VARCHAR(n) CHARACTER SET utf8</c> on MySQL: three-byte UTF-8 that compares case-insensitively.
/// These types carry no character set, so the columns take the table's utf8mb4_bin (see the first
/// migration); SQLite reads both as TEXT.
/// </summary>
internal static class TextColumns
{
    public static TNext AsText<TNext>(this IColumnTypeSyntax<TNext> column, int length)
        where TNext : IFluentSyntax =>
        column.AsCustom($"VARCHAR({length})");

    public static TNext AsLongText<TNext>(this IColumnTypeSyntax<TNext> column)
        where TNext : IFluentSyntax =>
        column.AsCustom("LONGTEXT");
}
