fn main() {
    dateline_app::start();
}
