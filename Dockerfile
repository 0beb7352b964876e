# syntax=docker/dockerfile:1
# bers-bot: bundled in one stage, run with production dependencies only, as the unprivileged
# `node` user. Slack modes need SLACK_BOT_TOKEN plus SLACK_APP_TOKEN (Socket Mode) or
# SLACK_SIGNING_SECRET (HTTP mode); several replicas need DATABASE_URL (see compose.yaml,
# deploy/k8s/). README "Deployment" has the details.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY commands ./commands
# Bundles the bot into dist/ (scripts/bundle-options.mjs), and writes
# dist/pglite-template-<key>.tar.gz: an initialised, migrated embedded database, so a first start
# on an empty /data loads it instead of running initdb (seconds).
RUN npm run build

FROM node:20-bookworm-slim AS production-deps
WORKDIR /app
COPY package.json package-lock.json ./
# No production dependency has an install script; none may run in the image.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    BERS_CONFIG=/app/bers.config.yaml \
    BERS_DATA_DIR=/data
WORKDIR /app
COPY --from=production-deps /app/node_modules ./node_modules
# The bundled bot and the embedded database template (its key matches these node_modules and
# migrations, which come from the same lockfile and sources).
COPY --from=build /app/dist ./dist
# Read at run time from the project root: migrations, templates, the shipped config.
COPY package.json bers.config.yaml manifest.yaml ./
COPY templates ./templates
COPY src/store/migrations ./src/store/migrations
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
# /healthz answers while the bot's main thread runs (README "HTTP routes").
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The node flags of the bin's first line (src/main.ts says why).
ENTRYPOINT ["node", "--max-semi-space-size=2", "dist/main.js"]
