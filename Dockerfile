# One image for every service; docker-compose.yml picks the command.
FROM node:24-bookworm-slim
WORKDIR /app
COPY . .
# Production keeps no dev tooling and no embedded PostgreSQL (optional: only `npm start` without DATABASE_URL uses it).
RUN npm ci && npm run build && npm prune --omit=dev --omit=optional
ENV NODE_ENV=production
