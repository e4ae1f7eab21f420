# One image for every Kuaizhuan process; docker-compose.yml picks the command:
#   api (default)  node dist/apps/api/src/main.js
#   worker         node dist/apps/worker/src/main.js
#   migrations     node dist/libs/platform/src/database/migrate.js
#   demo data      node dist/seeds/load.js

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: full install, compile, then drop the dev dependencies ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV CI=true
COPY package.json package-lock.json ./
# Install scripts stay off, as on developers' machines: native code (@swc/core, argon2,
# msgpackr) comes from the prebuilt optional platform packages.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build \
 && mkdir -p apps/portal/dist \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force

# ---- runtime: production dependencies and the compiled output only ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The portal's static build, served by the api at / (empty until the portal is part of `npm run build`).
COPY --from=build /app/apps/portal/dist ./apps/portal/dist
# Files stay owned by root, read-only to the process; `node` (uid 1000) ships with the image.
USER node
EXPOSE 3000
# Node handles SIGTERM itself here: Nest's shutdown hooks drain the api and the worker.
STOPSIGNAL SIGTERM
CMD ["node", "dist/apps/api/src/main.js"]
