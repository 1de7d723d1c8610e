import type { FastifyPluginAsync } from "fastify";

// Placeholder until the resource is implemented.
const plugin: FastifyPluginAsync = async () => {};
export default plugin;
