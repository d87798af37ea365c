// Contracts of the organisation capability (forums, people, typology, agreements).
export {};
