import Foundation
import PacerTestSupport
import Testing

/// scripts/setup in a checkout whose .build was made at another path (a copied or moved checkout),
/// run with stand-ins for dpkg and swift so that it installs and builds nothing.
@Suite struct SetupScriptTests {
    /// A checkout with scripts/setup and a .build whose manifest names `builtAt`, in a new folder;
    /// returns the folder and the file where the stand-in swift writes its arguments.
    /// `swift` is the stand-in's script after its first line (by default: write the arguments, succeed).
    private func copiedCheckout(builtAt: (String) -> String, swift: ((String) -> String)? = nil) throws -> (root: String, swiftArguments: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-setup-\(UUID().uuidString)").path
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/scripts", withIntermediateDirectories: true)
        try fm.copyItem(atPath: Checkout.root + "/scripts/setup", toPath: root + "/scripts/setup")
        let real = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        for folder in [".build/x86_64-unknown-linux-gnu/debug/ModuleCache", ".build/checkouts/swift-nio", ".build/repositories", "bin"] {
            try fm.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        try "module cache".write(toFile: root + "/.build/x86_64-unknown-linux-gnu/debug/ModuleCache/A.pcm", atomically: true, encoding: .utf8)
        try "targets:\n  \"\(builtAt(real))/.build/x86_64-unknown-linux-gnu/debug/pacer\": []\n"
            .write(toFile: root + "/.build/debug.yaml", atomically: true, encoding: .utf8)
        try "{}".write(toFile: root + "/.build/workspace-state.json", atomically: true, encoding: .utf8)
        let arguments = root + "/swift-arguments"
        try "#!/bin/sh\nexit 0\n".write(toFile: root + "/bin/dpkg", atomically: true, encoding: .utf8)
        try ("#!/bin/sh\n" + (swift?(root) ?? "echo \"$@\" > '\(arguments)'\n")).write(toFile: root + "/bin/swift", atomically: true, encoding: .utf8)
        for tool in ["dpkg", "swift"] { try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root + "/bin/" + tool) }
        return (root, arguments)
    }

    private func runSetup(in root: String, configuration: String? = nil) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [root + "/scripts/setup"]
        var environment = ["PATH": root + "/bin:/usr/bin:/bin"]
        if let configuration { environment["PACER_CONFIGURATION"] = configuration }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func aBuildFolderCopiedFromAnotherCheckoutIsClearedButItsPackagesKept() throws {
        let (root, arguments) = try copiedCheckout(builtAt: { _ in "/somewhere/else" })
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (status, errors) = try runSetup(in: root, configuration: "release")
        #expect(status == 0, "\(errors)")
        #expect(errors.contains(".build was made in another folder"))
        #expect(!FileManager.default.fileExists(atPath: root + "/.build/x86_64-unknown-linux-gnu"), "the module caches and compiled files go")
        #expect(!FileManager.default.fileExists(atPath: root + "/.build/debug.yaml"))
        #expect(isFolder(root + "/.build/checkouts/swift-nio"), "the fetched packages stay")
        #expect(FileManager.default.fileExists(atPath: root + "/.build/workspace-state.json"))
        #expect(try String(contentsOfFile: arguments, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) == "build -c release")
    }

    @Test func aBuildFolderMadeInPlaceIsKept() throws {
        let (root, arguments) = try copiedCheckout(builtAt: { $0 })
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (status, errors) = try runSetup(in: root)
        #expect(status == 0, "\(errors)")
        #expect(!errors.contains("another folder"))
        #expect(FileManager.default.fileExists(atPath: root + "/.build/x86_64-unknown-linux-gnu/debug/ModuleCache/A.pcm"))
        #expect(try String(contentsOfFile: arguments, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) == "build -c debug")
    }

    @Test func anUnknownConfigurationIsRefused() throws {
        let (root, _) = try copiedCheckout(builtAt: { $0 })
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (status, errors) = try runSetup(in: root, configuration: "fast")
        #expect(status != 0)
        #expect(errors.contains("PACER_CONFIGURATION must be debug or release"))
    }

    /// A .build copied and then built in by an older setup names this folder in its manifests, but
    /// its module caches still name the other: the build fails with the compiler's words, and setup
    /// clears the caches and builds once more.
    @Test func aModuleCacheFromAnotherFolderFoundWhileBuildingIsClearedAndBuiltAgain() throws {
        let (root, _) = try copiedCheckout(builtAt: { $0 }, swift: { root in
            """
            echo "$@" >> '\(root)/builds'
            if [ ! -f '\(root)/failed-once' ]; then
              touch '\(root)/failed-once'
              echo "error: precompiled file 'SwiftShims.pcm' was compiled with module cache path '/elsewhere/.build', but the path is currently '\(root)/.build'" >&2
              exit 1
            fi

            """
        })
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (status, errors) = try runSetup(in: root)
        #expect(status == 0, "\(errors)")
        #expect(errors.contains("the module caches in .build were made in another folder"))
        #expect(!FileManager.default.fileExists(atPath: root + "/.build/x86_64-unknown-linux-gnu"))
        #expect(try String(contentsOfFile: root + "/builds", encoding: .utf8) == "build -c debug\nbuild -c debug\n")
    }

    /// setup notes where it built: a .build carrying another folder's note is cleared even when
    /// its manifests were rewritten here.
    @Test func aBuildFolderNotedForAnotherFolderIsCleared() throws {
        let (root, _) = try copiedCheckout(builtAt: { $0 })
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "/work/other-checkout\n".write(toFile: root + "/.build/.pacer-checkout", atomically: true, encoding: .utf8)
        let (status, errors) = try runSetup(in: root)
        #expect(status == 0, "\(errors)")
        #expect(errors.contains(".build was made in another folder (/work/other-checkout)"))
        #expect(!FileManager.default.fileExists(atPath: root + "/.build/x86_64-unknown-linux-gnu"))
        let noted = try String(contentsOfFile: root + "/.build/.pacer-checkout", encoding: .utf8)
        #expect(noted.trimmingCharacters(in: .whitespacesAndNewlines) == URL(fileURLWithPath: root).resolvingSymlinksInPath().path)
    }
}
