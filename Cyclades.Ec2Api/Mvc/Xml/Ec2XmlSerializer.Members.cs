using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace Cyclades.Ec2Api.Mvc.Xml;

/// <remarks>
/// Each member gets, once per type, a getter and a writer typed by the property's declared type, so that
/// numbers, flags and times are formatted straight into the writer's buffer and lists are walked by index:
/// no boxing and no string per value. Where the declared type does not decide how a value is written
/// (object, an interface, an unsealed class, a rare value type) the runtime type does, as in <see cref="WriteObject"/>.
/// </remarks>
public static partial class Ec2XmlSerializer
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private abstract class Member(PropertyInfo property, Tags tags)
    {
        public PropertyInfo Property => property;

        public Tags Tags => tags;

        public static Member For(PropertyInfo property, Tags tags) =>
            (Member)Activator.CreateInstance(typeof(Member<,>).MakeGenericType(property.ReflectedType!, property.PropertyType), property, tags)!;

        /// <summary>Writes the member if it is set, after opening <paramref name="unopened"/>; returns whether it was set.</summary>
        public abstract bool Write(Utf8XmlWriter xml, object owner, Tags? unopened);
    }

    private sealed class Member<TOwner, TValue>(PropertyInfo property, Tags tags) : Member(property, tags)
    {
        private readonly Func<TOwner, TValue> _get = Getter<TOwner, TValue>(property);

        private readonly Action<Utf8XmlWriter, Tags, TValue> _write = (Action<Utf8XmlWriter, Tags, TValue>)WriterOf(typeof(TValue));

        public override bool Write(Utf8XmlWriter xml, object owner, Tags? unopened)
        {
            var value = _get((TOwner)owner);
            if (value is null)
            {
                return false;
            }
            if (unopened is not null)
            {
                xml.WriteRaw(unopened.Open);
            }
            _write(xml, Tags, value);
            return true;
        }
    }

    private static Func<TOwner, TValue> Getter<TOwner, TValue>(PropertyInfo property)
    {
        var owner = Expression.Parameter(typeof(TOwner), "owner");
        return Expression.Lambda<Func<TOwner, TValue>>(Expression.Property(owner, property), owner).Compile();
    }

    /// <summary>
    /// An <c>Action&lt;Utf8XmlWriter, Tags, T&gt;</c> writing a set value of <paramref name="type"/> as an element.
    /// A writer taking a base type or interface serves a reference type through delegate variance.
    /// </summary>
    private static Delegate WriterOf(Type type) => type switch
    {
        _ when type == typeof(string) => (Action<Utf8XmlWriter, Tags, string>)WriteText,
        _ when type == typeof(bool) => (Action<Utf8XmlWriter, Tags, bool>)WriteFlag,
        _ when type == typeof(DateTimeOffset) => (Action<Utf8XmlWriter, Tags, DateTimeOffset>)WriteTime,
        _ when type == typeof(int) || type == typeof(long) => Generic(nameof(NumberWriter), type),
        _ when Nullable.GetUnderlyingType(type) is { } underlying => Generic(nameof(NullableWriter), underlying),
        _ when type.IsValueType => Generic(nameof(BoxingWriter), type),
        _ when typeof(IFormattable).IsAssignableFrom(type) => (Action<Utf8XmlWriter, Tags, object>)WriteObject,
        _ when ItemTypeOf(type) is { } item => Generic(nameof(ItemsWriter), item),
        _ when type.IsSealed && !typeof(IEnumerable).IsAssignableFrom(type) => (Action<Utf8XmlWriter, Tags, object>)WriteNested,
        _ => (Action<Utf8XmlWriter, Tags, object>)WriteObject,
    };

    private static Delegate Generic(string writer, Type type) =>
        (Delegate)typeof(Ec2XmlSerializer).GetMethod(writer, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, null)!;

    /// <summary>The <c>T</c> of the one <c>IReadOnlyList&lt;T&gt;</c> the type is or implements.</summary>
    private static Type? ItemTypeOf(Type type)
    {
        var lists = type.GetInterfaces().Append(type)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            .Distinct()
            .ToArray();
        return lists.Length == 1 ? lists[0].GetGenericArguments()[0] : null;
    }

    private static Action<Utf8XmlWriter, Tags, T> NumberWriter<T>()
        where T : IUtf8SpanFormattable => (xml, tags, number) =>
        {
            xml.WriteRaw(tags.Open);
            xml.WriteFormatted(number, default);
            xml.WriteRaw(tags.Close);
        };

    private static Action<Utf8XmlWriter, Tags, T?> NullableWriter<T>()
        where T : struct
    {
        var write = (Action<Utf8XmlWriter, Tags, T>)WriterOf(typeof(T));
        return (xml, tags, value) => write(xml, tags, value.GetValueOrDefault());
    }

    private static Action<Utf8XmlWriter, Tags, T> BoxingWriter<T>() => (xml, tags, value) => WriteObject(xml, tags, value!);

    private static Action<Utf8XmlWriter, Tags, IReadOnlyList<T>> ItemsWriter<T>()
    {
        var write = (Action<Utf8XmlWriter, Tags, T>)WriterOf(typeof(T));
        return (xml, tags, items) => WriteItems(xml, tags, items, write);
    }

    private static void WriteText(Utf8XmlWriter xml, Tags tags, string text)
    {
        xml.WriteRaw(tags.Open);
        xml.WriteText(text);
        xml.WriteRaw(tags.Close);
    }

    private static void WriteFlag(Utf8XmlWriter xml, Tags tags, bool flag)
    {
        xml.WriteRaw(tags.Open);
        xml.WriteRaw(flag ? "true"u8 : "false"u8);
        xml.WriteRaw(tags.Close);
    }

    private static void WriteTime(Utf8XmlWriter xml, Tags tags, DateTimeOffset time)
    {
        xml.WriteRaw(tags.Open);
        xml.WriteFormatted(time.UtcDateTime, TimeFormat);
        xml.WriteRaw(tags.Close);
    }

    private static void WriteNested(Utf8XmlWriter xml, Tags tags, object value) => WriteMembers(xml, value, tags);

    private static void WriteItems<T>(Utf8XmlWriter xml, Tags tags, IReadOnlyList<T> items, Action<Utf8XmlWriter, Tags, T> write)
    {
        if (items.Count == 0)
        {
            xml.WriteRaw(tags.Empty);
            return;
        }
        xml.WriteRaw(tags.Open);
        for (var i = 0; i < items.Count; i++)
        {
            write(xml, Item, items[i]);
        }
        xml.WriteRaw(tags.Close);
    }

    private static void WriteObject(Utf8XmlWriter xml, Tags tags, object value)
    {
        switch (value)
        {
            case string text:
                WriteText(xml, tags, text);
                break;
            case bool flag:
                WriteFlag(xml, tags, flag);
                break;
            case DateTimeOffset time:
                WriteTime(xml, tags, time);
                break;
            case IFormattable formattable:
                WriteText(xml, tags, formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            case IEnumerable items:
                WriteItems(xml, tags, items.Cast<object>().ToList(), WriteObject);
                break;
            default:
                WriteMembers(xml, value, tags);
                break;
        }
    }
}
