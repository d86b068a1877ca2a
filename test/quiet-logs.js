// Services started inside a test worker (in-process graphs) log errors only, so jest's output
// stays readable; the stack's own processes were started before this and keep their level.
process.env.LOG_LEVEL ??= 'error';
