from briefer.cli import main

raise SystemExit(main())
