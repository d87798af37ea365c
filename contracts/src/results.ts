// Contracts of the results capability (goals, indicators, activities, registrations).
export {};
