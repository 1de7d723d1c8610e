// Public API of @im/indicators: pure computation, no I/O, nothing imported from other workspaces.
export * from "./benchmark/index.ts";
export * from "./catalogue/index.ts";
export * from "./disclosure/index.ts";
export * from "./engine/index.ts";
export * from "./goals/index.ts";
export * from "./segregation/index.ts";
export * from "./sozialindex/index.ts";
export * from "./sozialmonitoring/index.ts";
