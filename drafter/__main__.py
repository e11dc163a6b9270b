from drafter.cli import main

main(prog_name="drafter")
