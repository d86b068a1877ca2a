# One image for every service; docker-compose.yml picks the command.
FROM node:24-bookworm-slim
WORKDIR /app
COPY . .
RUN npm ci && npm run build && npm prune --omit=dev
ENV NODE_ENV=production
