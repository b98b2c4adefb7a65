import PacerTestSupport

/// The folders these tests read, from the checkout's root (`Checkout`), so that they hold
/// wherever the repository is cloned and whichever folder a test file sits in.

/// The shipped example schools.
let scenariosFolder = Checkout.scenarios

/// The tiny school's golden files: its plan.json and each export of it.
let golden = Checkout.root + "/Tests/PacerCoreTests/Golden/tiny-school"

/// The folder of fixture scenarios: a valid base and one bad scenario per error kind.
let fixtures = Checkout.root + "/Tests/PacerCoreTests/Fixtures"

/// The importers' input files.
let importFixtures = Checkout.importFixtures
