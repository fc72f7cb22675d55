/// A point in time as a timeline records it: a date, optionally with a time of day and a UTC
/// offset (`2024-05-03`, `2024-05-03T17:42`, `2024-05-03T17:42:00+01:00`, `…Z`).
public struct Moment: Hashable, Sendable, CustomStringConvertible {
    public let date: CivilDate
    /// Seconds after local midnight, when a time was given.
    public let secondsOfDay: Int?
    /// Minutes east of UTC, when an offset was given.
    public let utcOffsetMinutes: Int?

    public init(date: CivilDate, secondsOfDay: Int? = nil, utcOffsetMinutes: Int? = nil) {
        self.date = date
        self.secondsOfDay = secondsOfDay
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// Parses an ISO-8601 date or date-time; throws a `DateParseError` saying what is wrong.
    public init(iso text: some StringProtocol) throws(DateParseError) {
        guard text.utf8.count > 10 else {
            self.init(date: try CivilDate(iso: text))
            return
        }
        let string = String(text)
        let bytes = Array(string.utf8)
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") else {
            throw DateParseError(text: string, reason: "expected YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss][±hh:mm|Z]")
        }
        let date = try CivilDate(iso: string.prefix(10))
        var rest = Substring(string.dropFirst(11))
        var offset: Int?
        if rest.hasSuffix("Z") {
            offset = 0
            rest = rest.dropLast()
        } else if let signIndex = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = rest[signIndex...]
            let sign = zone.first == "-" ? -1 : 1
            let digits = zone.dropFirst().filter { $0 != ":" }
            guard digits.count == 4, let hh = Int(digits.prefix(2)), let mm = Int(digits.suffix(2)), hh <= 23, mm <= 59 else {
                throw DateParseError(text: string, reason: "the UTC offset `\(zone)` should look like +01:00")
            }
            offset = sign * (hh * 60 + mm)
            rest = rest[..<signIndex]
        }
        let fields = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count), fields.allSatisfy({ $0.count == 2 || ($0.count > 2 && $0.contains(".")) }),
            let hour = Int(fields[0]), let minute = Int(fields[1]),
            (0...23).contains(hour), (0...59).contains(minute)
        else { throw DateParseError(text: string, reason: "the time should be hh:mm or hh:mm:ss (00:00–23:59)") }
        var second = 0
        if fields.count == 3 {
            guard let s = Double(fields[2]), s >= 0, s < 61 else {
                throw DateParseError(text: string, reason: "seconds should be 00–59")
            }
            second = Int(s)
        }
        self.init(date: date, secondsOfDay: hour * 3600 + minute * 60 + second, utcOffsetMinutes: offset)
    }

    /// Seconds since 1970-01-01T00:00 UTC (local midnight and UTC when no time or offset was given).
    public var secondsSinceEpoch: Int {
        date.dayNumber * 86_400 + (secondsOfDay ?? 0) - (utcOffsetMinutes ?? 0) * 60
    }

    public var description: String {
        guard let seconds = secondsOfDay else { return date.description }
        let h = seconds / 3600
        let m = seconds % 3600 / 60
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var text = "\(date)T\(two(h)):\(two(m))"
        if let offset = utcOffsetMinutes {
            text += offset == 0 ? "Z" : "\(offset < 0 ? "-" : "+")\(two(abs(offset) / 60)):\(two(abs(offset) % 60))"
        }
        return text
    }
}

/// A time of day such as a policy's daily cut-off (`"17:00"`).
public struct TimeOfDay: Hashable, Sendable, CustomStringConvertible {
    public let secondsOfDay: Int

    /// Parses `hh:mm`, or returns `nil`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }),
            let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m)
        else { return nil }
        secondsOfDay = h * 3600 + m * 60
    }

    public var description: String {
        let h = secondsOfDay / 3600
        let m = secondsOfDay % 3600 / 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}

extension Moment {
    /// The same instant as a clock in England, Wales, Scotland or Northern Ireland shows it
    /// (GMT, or BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday
    /// of October), with no offset. A moment written without an offset is taken as UK time
    /// already and returned as it is. A cut-off time is a time on the landlord's clock, so a
    /// receipt stamped in UTC is compared with it in UK time.
    public var ukLocal: Moment {
        guard let offset = utcOffsetMinutes, let seconds = secondsOfDay else { return self }
        let utc = date.dayNumber * 86_400 + seconds - offset * 60
        let local = utc + (Self.isBritishSummerTime(atUTC: utc) ? 3_600 : 0)
        let localDay = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return Moment(date: CivilDate(dayNumber: localDay), secondsOfDay: local - localDay * 86_400)
    }
}

extension Moment {
    /// Whether UK clocks show British Summer Time at `instant` (seconds since the epoch, UTC).
    static func isBritishSummerTime(atUTC instant: Int) -> Bool {
        let day = CivilDate(dayNumber: instant >= 0 ? instant / 86_400 : (instant - 86_399) / 86_400)
        let year = day.parts.year
        /// 01:00 UTC on the last Sunday of `month`, in seconds since the epoch.
        func lastSundayOneAM(_ month: Int) -> Int {
            var day = CivilDate(year: year, month: month, day: 31)!
            while day.weekday != .sunday { day = CivilDate(dayNumber: day.dayNumber - 1) }
            return day.dayNumber * 86_400 + 3_600
        }
        return instant >= lastSundayOneAM(3) && instant < lastSundayOneAM(10)
    }

    /// The instant, in seconds since the epoch (UTC), when the moment has a time: a time with no
    /// offset is a UK clock time (GMT or BST). Hours-long time limits (Awaab's Law's 24 hours)
    /// are counted between instants, so a change of the clocks in between counts as it happened.
    public var ukInstant: Int? {
        guard let seconds = secondsOfDay else { return nil }
        if utcOffsetMinutes != nil { return secondsSinceEpoch }
        let local = date.dayNumber * 86_400 + seconds
        return Self.isBritishSummerTime(atUTC: local - 3_600) ? local - 3_600 : local
    }

    /// The instant `utc` (seconds since the epoch) on a UK clock, with no offset.
    public init(ukClockAt utc: Int) {
        self =
            Moment(date: CivilDate(dayNumber: utc >= 0 ? utc / 86_400 : (utc - 86_399) / 86_400), secondsOfDay: 0, utcOffsetMinutes: 0)
            .withSeconds(utc).ukLocal
    }

    private func withSeconds(_ utc: Int) -> Moment {
        Moment(date: date, secondsOfDay: utc - date.dayNumber * 86_400, utcOffsetMinutes: 0)
    }

    /// "Sat 8 Nov 2025 17:30" (a date alone when there is no time).
    public var longDescription: String {
        guard let seconds = secondsOfDay else { return date.longDescription }
        let local = ukLocal
        let s = local.secondsOfDay ?? seconds
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(local.date.longDescription) \(two(s / 3600)):\(two(s % 3600 / 60))"
    }
}

/// Written as its ISO text (`2025-11-08T17:30`), as a date is.
extension Moment: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
