using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Abm.Core.Storage;

/// <summary>Stores a <see cref="DateTimeOffset"/> as Unix milliseconds in UTC; the offset is not kept.</summary>
public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    value => DateTimeOffset.FromUnixTimeMilliseconds(value));
