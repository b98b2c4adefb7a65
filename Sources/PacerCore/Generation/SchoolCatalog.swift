/// The fixed material generated schools are made of: subjects with their domains, names, rooms.
enum SchoolCatalog {
    struct SubjectPlan {
        let id: String
        let name: String
        /// Domain code and the title stem of its objectives, e.g. ("RP", "Ratios and proportional relationships").
        let domains: [(code: String, title: String)]
        /// Domains whose workshops need a lab.
        let labDomains: Set<String>
    }

    static let subjects: [SubjectPlan] = [
        SubjectPlan(id: "MATH", name: "Mathematics", domains: [
            ("RP", "Ratios and proportional relationships"), ("NS", "The number system"),
            ("EE", "Expressions and equations"), ("G", "Geometry"), ("SP", "Statistics and probability"),
        ], labDomains: []),
        SubjectPlan(id: "ELA", name: "English language arts", domains: [
            ("RL", "Reading literature"), ("RI", "Reading informational text"), ("W", "Writing"),
            ("L", "Language"),
        ], labDomains: []),
        SubjectPlan(id: "SCI", name: "Science", domains: [
            ("PS", "Physical science"), ("LS", "Life science"), ("ESS", "Earth and space science"),
            ("ETS", "Engineering design"),
        ], labDomains: ["PS", "LS"]),
        SubjectPlan(id: "HIST", name: "History and social science", domains: [
            ("H", "History"), ("C", "Civics"), ("G", "Geography"), ("E", "Economics"),
        ], labDomains: []),
    ]

    static let firstNames = [
        "Aaliyah", "Aiden", "Amara", "Andre", "Ava", "Beatriz", "Caleb", "Camila", "Chloe", "Daniel",
        "Deja", "Diego", "Elena", "Elijah", "Emma", "Ethan", "Fatima", "Gabriel", "Grace", "Hana",
        "Hector", "Imani", "Isaac", "Isabella", "Jamal", "Jasmine", "Javier", "Jayden", "Kai", "Keisha",
        "Leah", "Liam", "Lucas", "Luis", "Maya", "Mei", "Micah", "Mila", "Nadia", "Noah", "Nia", "Olivia",
        "Omar", "Priya", "Quinn", "Rafael", "Riley", "Rosa", "Samir", "Sofia", "Tariq", "Thea", "Tomás",
        "Uma", "Valeria", "Wei", "Xavier", "Yara", "Yusuf", "Zoe",
    ]

    static let lastNames = [
        "Adams", "Ahmed", "Alvarez", "Baker", "Bennett", "Brooks", "Castillo", "Chen", "Clark", "Cruz",
        "Diaz", "Dubois", "Edwards", "Evans", "Fischer", "Flores", "Garcia", "Gomez", "Green", "Hall",
        "Hernandez", "Hughes", "Ito", "Jackson", "Johnson", "Kim", "Kowalski", "Lee", "Lopez", "Martin",
        "Mendoza", "Miller", "Nguyen", "Novak", "O'Brien", "Okafor", "Ortiz", "Patel", "Perez", "Price",
        "Ramirez", "Reyes", "Rivera", "Robinson", "Rossi", "Sanchez", "Santos", "Schmidt", "Shah",
        "Silva", "Singh", "Smith", "Tanaka", "Taylor", "Torres", "Tran", "Walker", "Washington", "Wright",
        "Young",
    ]

    static let titles = ["Ms", "Mr", "Mx", "Dr"]
    /// Supervisors' family names, taken in order (A-01 is the first).
    static let supervisorNames = [
        "Abara", "Brook", "Cole", "Diallo", "Evans", "Farah", "Gray", "Holt", "Ito", "Jansen", "Kerr", "Lund",
        "Mensah", "Novak", "Ortega", "Price", "Quinn", "Rahman", "Sato", "Tran", "Usman", "Varga", "Wells", "Xu",
        "Yilmaz", "Zapata", "Achebe", "Bauer", "Costa", "Dahl", "Eze", "Fischer", "Gomes", "Hayes", "Iqbal", "Juarez",
        "Kowalski", "Lopes", "Moreau", "Nakamura",
    ]
}
