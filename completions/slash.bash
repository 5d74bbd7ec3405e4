# bash completion for slash (placeholder)
