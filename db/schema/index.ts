export * from "./identity";
export * from "./positioning";
