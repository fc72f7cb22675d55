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

    /// The Code pack in force for a complaint received on `date` (the latest that applies).
    func codePack(inForceOn date: CivilDate) -> RulePack? {
        // Asked for every complaint: one pass, no list made.
        var latest: RulePack?
        for pack in packs where pack.kind == .code && pack.isInForce(on: date) {
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

    /// Finds the shipped `Rules/` folder: `$CHC_RULES`, then `./Rules`, then next to or above
    /// the executable (`.build/debug/chc` → the package root, `bin/chc` → `share/chc/Rules`).
    package static func defaultFolder(executable: String = CommandLine.arguments.first ?? "") -> String? {
        let fm = FileManager.default
        func isPackFolder(_ path: String) -> Bool { fm.fileExists(atPath: (path as NSString).appendingPathComponent("hos-2024.yaml")) }
        if let env = ProcessInfo.processInfo.environment["CHC_RULES"], !env.isEmpty { return env }
        if isPackFolder("Rules") { return "Rules" }
        var directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in ["Rules", "share/chc/Rules"] {
                let path = directory.appendingPathComponent(candidate).path
                if isPackFolder(path) { return path }
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }
}
