import Foundation
import Testing
@testable import PacerCore

@Suite struct SHA256Tests {
    /// FIPS 180-4 test vectors, plus lengths around the 55/56/64-byte padding edges fed in pieces.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("The quick brown fox jumps over the lazy dog", "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"),
    ])
    func knownDigests(input: String, digest: String) {
        var hasher = SHA256()
        hasher.update(Array(input.utf8))
        #expect(hasher.hex() == digest)
    }

    @Test func piecesGiveTheSameDigestAsTheWhole() {
        let bytes = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var whole = SHA256()
        whole.update(bytes)
        for cut in [1, 55, 56, 63, 64, 65, 127, 999] {
            var pieces = SHA256()
            pieces.update(Array(bytes[..<cut]))
            pieces.update(Array(bytes[cut...]))
            #expect(pieces.hex() == whole.hex(), "cut at \(cut)")
        }
        var million = SHA256()
        million.update([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(million.hex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The plan's stamp is the hash of the bytes read, not of the files as they are later.
    @Test func theContentHashIsOfTheBytesRead() throws {
        let (folder, scenario) = try tinySchoolCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let original = try Data(contentsOf: URL(fileURLWithPath: folder + "/students.csv"))
        try Data("id,name,MATH\nS-01,Ava,MATH-7.RP.2\n".utf8).write(to: URL(fileURLWithPath: folder + "/students.csv"))
        let changed = try ScenarioLoader.load(folder)
        try original.write(to: URL(fileURLWithPath: folder + "/students.csv"))
        let restored = try ScenarioLoader.load(folder)
        #expect(scenario.contentHash != changed.contentHash, "the files changed after the first reading")
        #expect(scenario.contentHash == restored.contentHash)
        #expect(scenario.contentHash.count == 64)
    }
}
