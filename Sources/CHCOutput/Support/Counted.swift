/// `n` and the noun, singular for one: "1 complaint", "2 complaints", "1 breach", "3 breaches".
func counted(_ n: Int, _ singular: String, plural: String? = nil) -> String {
    "\(n) \(n == 1 ? singular : plural ?? (singular.hasSuffix("ch") || singular.hasSuffix("s") ? singular + "es" : singular + "s"))"
}
