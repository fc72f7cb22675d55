import CHCIngest
import CHCModel
import Foundation
import WorkingDays

/// The rule packs available to a run: the Code packs shipped in `Rules/` (or a folder the user
/// names) and any pack files given on the command line.
package struct RuleLibrary: Sendable {
    package private(set) var packs: [RulePack]

    package init(packs: [RulePack]) { self.packs = packs }

    /// Loads every `*.yaml` pack directly inside `folder` (policies under `folder/policies` are
    /// not Code packs and are loaded only when named). Problems in one file do not stop the others.
    package static func load(folder: String) -> (library: RuleLibrary, errors: [InputError]) {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var packs: [RulePack] = []
        var errors: [InputError] = []
        for file in files {
            do { packs.append(try RulePackYAML.load((folder as NSString).appendingPathComponent(file))) } catch { errors.append(error) }
        }
        return (RuleLibrary(packs: packs), errors)
    }

    /// The pack with this id.
    package func pack(_ id: String) -> RulePack? { packs.first { $0.id == id } }

    /// The Code pack in force for a case of `kind` that began on `date` (the latest that applies).
    func codePack(inForceOn date: CivilDate, for kind: CaseKind = .complaint) -> RulePack? {
        // Asked for every complaint: one pass, no list made.
        var latest: RulePack?
        for pack in packs where pack.kind == .code && pack.cases == kind && pack.isInForce(on: date) {
            if let found = latest, (pack.inForceFrom ?? .init(dayNumber: .min)) <= (found.inForceFrom ?? .init(dayNumber: .min)) {
                continue
            }
            latest = pack
        }
        return latest
    }

    package mutating func add(_ pack: RulePack) {
        packs.removeAll { $0.id == pack.id }
        packs.append(pack)
    }

    /// The Code packs built into chc from `Rules/` (see `Plugins/EmbedRulePacks`), read as if
    /// from `Rules/NAME`, so a copied binary needs no folder beside it and its findings and
    /// errors name the same file as a run from the package root. With `examples` false, the
    /// rules carry no examples: a run that checks complaints never reads them (the tests check
    /// every shipped example), and reading them was a fifth of its start-up.
    package static func shipped(examples: Bool = true) -> (library: RuleLibrary, errors: [InputError]) {
        var packs: [RulePack] = []
        var errors: [InputError] = []
        for (name, text) in shippedPackFiles {
            do { packs.append(try RulePackYAML.parse(text, file: "Rules/" + name, readsExamples: examples)) } catch { errors.append(error) }
        }
        return (RuleLibrary(packs: packs), errors)
    }

    /// The folder of Code packs the user asked for instead of the shipped ones: `$CHC_RULES`.
    package static func folderFromEnvironment() -> String? {
        guard let folder = ProcessInfo.processInfo.environment["CHC_RULES"], !folder.isEmpty else { return nil }
        return folder
    }
}
