# fish completion for slash (placeholder)
