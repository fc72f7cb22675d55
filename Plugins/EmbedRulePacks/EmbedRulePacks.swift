import Foundation
import PackagePlugin

/// Builds the Code rule packs in `Rules/` into the library as source, so a `chc` binary copied
/// anywhere still has them. A pack stays a one-file change: drop a YAML file in `Rules/`.
@main
struct EmbedRulePacks: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Rules")
        let packs = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "ShippedRulePacks.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(packs.count) rule packs from Rules/",
                executable: try context.tool(named: "EmbedRulePacksTool").url,
                arguments: [output.path] + packs.map(\.path),
                inputFiles: [folder] + packs,
                outputFiles: [output])
        ]
    }
}
