# The bot's container image: built JavaScript on Node 20, production dependencies only, run as a non-root user.
#
# NOT BUILT HERE: the machine this recipe was written on has no Docker daemon and no base images. What was run
# instead, from a clean clone, outside a container: the same build and start steps (`npm run verify:recipe`,
# scripts/verify-recipe.sh): npm ci, npm run build, npm prune --omit=dev, node dist/src/server.js, /healthz.
#
#   docker build -t helpdesk-bot .
#   docker run --env-file .env -p 3978:3978 helpdesk-bot
#   docker compose up        (bot + Redis + PostgreSQL + the migration step: compose.yaml)

# ---- build: compile TypeScript, then drop the dev dependencies ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when its prebuilt binary cannot be downloaded (needs python3, make, g++).
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY adapters ./adapters
COPY dialogs ./dialogs
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# ---- run: node on dist/, nothing else ----
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# SQLite files (single-instance deployments without Redis/PostgreSQL) go to /app/data: mount a volume there.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3978
VOLUME ["/app/data"]
# Liveness/readiness: /healthz answers 200 while serving and 503 once shutting down. (A separate /readyz that
# also checks the stores is being added; switch the probe to it when it lands.)
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM: stop accepting, finish turns in flight (SHUTDOWN_GRACE_MS, default 20 s), close stores, exit 0.
# node is PID 1 here, started directly (not through npm, which does not pass the signal on).
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/server.js"]
