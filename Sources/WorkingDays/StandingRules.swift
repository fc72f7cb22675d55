/// The statutory and customary rules that fix each region's bank holidays in a year,
/// used for years after the published GOV.UK lists.
///
/// Banking and Financial Dealings Act 1971, Schedule 1, with the days fixed by annual
/// proclamation (New Year's Day, early May) and the common-law holidays (Good Friday,
/// Christmas Day). A fixed-date holiday falling on a weekend moves to the next weekday that
/// is not already a holiday, which yields GOV.UK's substitute days (e.g. Christmas on a
/// Saturday → Monday 27th, Boxing Day → Tuesday 28th). One-off proclaimed days cannot be
/// predicted: projected years say so.
public enum StandingRules {
    /// The weekday bank holidays of `region` in `year`, sorted.
    public static func holidays(in year: Int, region: Region) -> [(CivilDate, String)] {
        func date(_ month: Int, _ day: Int) -> CivilDate { CivilDate(year: year, month: month, day: day)! }
        var fixed: [(CivilDate, String)] = [(date(1, 1), "New Year’s Day")]
        if region == .scotland { fixed.append((date(1, 2), "2nd January")) }
        if region == .northernIreland {
            fixed.append((date(3, 17), "St Patrick’s Day"))
            fixed.append((date(7, 12), "Battle of the Boyne (Orangemen’s Day)"))
        }
        if region == .scotland { fixed.append((date(11, 30), "St Andrew’s Day")) }
        fixed.append((date(12, 25), "Christmas Day"))
        fixed.append((date(12, 26), "Boxing Day"))

        let easter = easterSunday(year)
        var moveable: [(CivilDate, String)] = [(easter.adding(days: -2), "Good Friday")]
        if region != .scotland { moveable.append((easter.adding(days: 1), "Easter Monday")) }
        moveable.append((firstMonday(year, 5), "Early May bank holiday"))
        moveable.append((lastMonday(year, 5), "Spring bank holiday"))
        moveable.append((region == .scotland ? firstMonday(year, 8) : lastMonday(year, 8), "Summer bank holiday"))

        var result = (fixed + moveable).filter { !$0.0.isWeekend }
        var taken = Set(result.map(\.0))
        for (day, title) in fixed where day.isWeekend {
            var substitute = day.adding(days: 1)
            while substitute.isWeekend || taken.contains(substitute) { substitute = substitute.adding(days: 1) }
            taken.insert(substitute)
            result.append((substitute, title))
        }
        return result.sorted { $0.0 < $1.0 }
    }

    /// Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    public static func easterSunday(_ year: Int) -> CivilDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)!
    }

    static func firstMonday(_ year: Int, _ month: Int) -> CivilDate {
        var day = CivilDate(year: year, month: month, day: 1)!
        while day.weekday != .monday { day = day.adding(days: 1) }
        return day
    }

    static func lastMonday(_ year: Int, _ month: Int) -> CivilDate {
        var day = CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))!
        while day.weekday != .monday { day = day.adding(days: -1) }
        return day
    }
}
