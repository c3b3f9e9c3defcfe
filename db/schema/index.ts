export * from "./identity";
export * from "./positioning";
export * from "./groups";
export * from "./members";
export * from "./imports";
export * from "./events";
export * from "./rules";
export * from "./livecodes";
