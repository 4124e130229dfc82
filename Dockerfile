# syntax=docker/dockerfile:1
# Maillage API image. Build stage: dev dependencies and the TypeScript compiler; run stage: the compiled
# server and production dependencies only, as the unprivileged `node` user.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# mongodb-memory-server is a dependency (embedded database for development and demos); an image never
# uses it, so it must not download a MongoDB binary at install.
ENV MONGOMS_DISABLE_POSTINSTALL=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY graphql ./graphql
COPY public ./public
COPY seeds ./seeds
COPY src ./src
# `npm run build` compiles the server and bundles the GraphiQL explorer into dist/explorer (esbuild, React and
# graphiql are dev dependencies: the bundle is all the image needs of them).
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS run
ENV NODE_ENV=production \
    PORT=4000 \
    MONGOMS_DISABLE_POSTINSTALL=1
WORKDIR /app
# Owned by root and read-only to the server: the process cannot rewrite its own code.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
# The compiled server, and dist/explorer: the explorer's two files (served only with GRAPHQL_EXPLORER=true).
COPY --from=build /app/dist ./dist
COPY --from=build /app/graphql ./graphql
# The map page's static files (served at /).
COPY --from=build /app/public ./public
USER node
EXPOSE 4000
# Liveness only (/health answers while the process runs); readiness (/ready) is for the proxy.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM starts the graceful shutdown (finish requests in flight, close the database, exit 0).
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/index.js"]
